import { rawStatus } from "../records/status-vocabulary.js";
import { graphDateTime } from "../timeline/graph-date-time.js";
import type { Phase } from "../timeline/operation-timeline.js";
import { detail, failureError, type RenderMonitor } from "./monitor-answer.js";

const statusDetails: Readonly<Record<Exclude<Phase, "failed">, string>> = {
  notStarted: "Creating new simulation",
  running: "Simulation is being created",
  future: "Simulation is being created",
  succeeded: "Simulation created",
};

/** `attackSimulationOperation`: note the spelling `percentageCompleted`. */
export const renderAttackSimulationOperation: RenderMonitor = (operation, snapshot) => {
  const { phase } = snapshot;
  const statusDetail = phase === "failed" ? failureError(operation).message : statusDetails[phase];
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
