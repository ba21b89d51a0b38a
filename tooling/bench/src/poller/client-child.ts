import { readTask, sendResult } from "../processes/run-child.js";
import type { ClientTask } from "./client-task.js";
import { runOperations } from "./operations-run.js";
import { runSteady } from "./steady-run.js";

/** A poller client in its own process: runs one task against the simulator and sends back its figures. */
const task = readTask<ClientTask>();
sendResult(task.type === "operations" ? await runOperations(task) : await runSteady(task));
