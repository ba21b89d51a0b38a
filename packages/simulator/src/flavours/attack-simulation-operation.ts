import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

const statusDetails = {
  notStarted: "Creating new simulation",
  running: "Simulation is being created",
} as const;

/** `attackSimulationOperation`: note the spelling `percentageCompleted`. */
export const renderAttackSimulationOperation: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const statusDetail =
    phase === "failed"
      ? failureError(operation).message
      : phase === "succeeded"
        ? "Simulation created"
        : statusDetails[phase === "notStarted" ? "notStarted" : "running"];
  return {
    status: 200,
    body: {
      id: operation.id,
      tenantId: detail(operation, "tenantId"),
      statusDetail,
      createdDateTime: graphDateTime(operation.timeline.createdAt),
      lastActionDateTime: graphDateTime(snapshot.lastActionAt),
      type: "createSimulation",
      status: rawStatus(operation.kind, phase, snapshot.futureValue),
      percentageCompleted: snapshot.percent,
      resourceLocation: phase === "succeeded" ? detail(operation, "resourceLocation") : "",
    },
  };
};
