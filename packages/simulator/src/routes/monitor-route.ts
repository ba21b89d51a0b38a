import type { RenderMonitor } from "../flavours/monitor-answer.js";
import type { SimulatedOperationKind } from "../records/operation-kind.js";
import type { SimulatedOperation } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";
import { answerMonitor } from "./answer-monitor.js";
import type { Route, RouteContext } from "./route.js";

export interface MonitorRouteInput {
  name: string;
  pattern: RegExp;
  kinds: readonly SimulatedOperationKind[];
  render: RenderMonitor;
  /** Reads the operation id and the details the path must agree with (e.g. the team id) from the groups. */
  identify(groups: readonly (string | undefined)[]): {
    id: string;
    details?: Record<string, string | undefined>;
  };
}

/** The operation named by a monitor path, if it exists, is of the right kind and belongs to the path's owner. */
export function findOperation(
  state: SimulatorState,
  id: string,
  kinds: readonly SimulatedOperationKind[],
  details: Record<string, string | undefined> = {},
): SimulatedOperation | undefined {
  const operation = state.store.get(id);
  if (operation === undefined || operation.monitorUrl === undefined || !kinds.includes(operation.kind)) {
    return undefined;
  }
  const agrees = Object.entries(details).every(([name, value]) => operation.details[name] === value);
  return agrees ? operation : undefined;
}

export function sendOperationNotFound(context: RouteContext, id: string): void {
  context.exchange.sendError(404, "itemNotFound", `No operation with id '${id}' exists at this address.`);
}

/** A GET route for one flavour's monitor. */
export function monitorRoute(input: MonitorRouteInput): Route {
  return {
    name: input.name,
    method: "GET",
    pattern: input.pattern,
    async handle(context) {
      const { id, details } = input.identify(context.groups);
      const operation = findOperation(context.state, id, input.kinds, details);
      if (operation === undefined) return sendOperationNotFound(context, id);
      await answerMonitor(context.state, context.exchange, operation, input.render);
    },
  };
}
