import { readTask, sendResult } from "../processes/run-child.js";
import type { ClientFollowers, ClientTask } from "./client-task.js";
import { runOperations } from "./operations-run.js";
import { runSteady } from "./steady-run.js";

/**
 * A poller client in its own process: runs one task against the simulator and sends back its figures. Only
 * the client under test is loaded (its module imported here, on demand): the other client's library, and
 * its memory, stay out of this process's figures.
 */
const task = readTask<ClientTask>();
const followers: ClientFollowers =
  task.client === "azure-core-lro/fetch"
    ? (await import("./azure-client.js")).azureFollowers()
    : (await import("./lro-core-client.js")).lroCoreFollowers(task.client);
sendResult(
  task.type === "operations"
    ? await runOperations(task, followers.operations)
    : await runSteady(task, followers.steady),
);
