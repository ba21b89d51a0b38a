import type { RenderMonitor } from "../flavours/monitor-answer.js";
import type { HeaderValues } from "../http/exchange.js";
import type { Exchange } from "../http/exchange.js";
import type { SimulatedOperation } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";
import { snapshotAt } from "../timeline/operation-timeline.js";

/**
 * 200 OK with the operation itself in the body, as it stands now (the way call actions and snapshot
 * creation answer): the client follows it at its monitor address.
 */
export function sendOperationBody(
  state: SimulatorState,
  exchange: Exchange,
  operation: SimulatedOperation,
  render: RenderMonitor,
  headers: HeaderValues = {},
): void {
  const answer = render(operation, snapshotAt(operation.timeline, exchange.now), {
    graphOrigin: state.graphOrigin,
  });
  exchange.sendJson(200, answer.body, headers);
}
