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
async function followersOf(client: ClientTask["client"]): Promise<ClientFollowers> {
  if (client === "azure-core-lro/fetch") return (await import("./azure-client.js")).azureFollowers();
  if (client === "undici/floor") return (await import("./floor-client.js")).floorFollowers();
  return (await import("./lro-core-client.js")).lroCoreFollowers(client);
}
const followers = await followersOf(task.client);
sendResult(
  task.type === "operations"
    ? await runOperations(task, followers.operations)
    : await runSteady(task, followers.steady),
);
