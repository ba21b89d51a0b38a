import type { ResolvedScenario } from "../scenario/scenario.js";
import type { OperationTimeline } from "../timeline/operation-timeline.js";
import type { SimulatedOperationKind } from "./operation-kind.js";

export type GraphVersion = "v1.0" | "beta";

/** One operation the simulator started: its fixed timeline plus the few counters polls update. */
export interface SimulatedOperation {
  id: string;
  kind: SimulatedOperationKind;
  /** The action that started it, e.g. "driveItem.copy". */
  action: string;
  version: GraphVersion;
  /** Absolute monitor address; undefined when the action answered at once. */
  monitorUrl: string | undefined;
  timeline: OperationTimeline;
  scenario: ResolvedScenario;
  /** Flavour-specific values fixed at creation (team id, new item id, resource location...). */
  details: Readonly<Record<string, string>>;
  polls: number;
  pollTimes: number[] | undefined;
  authorizationSeen: boolean;
}
