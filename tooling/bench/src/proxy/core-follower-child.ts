import { pollOperation } from "@lro/core";
import type { Subscription } from "rxjs";
import { processCpuMs, serveQuestions } from "../processes/server-process.js";
import { inParallel, startUpstreamOperation } from "./start-upstream-operations.js";

/**
 * @lro/core alone following the same kind of operations as the proxy's "followed" scenario, in its own
 * process: argv[2] is the simulator's origin, argv[3] how many operations, argv[4] over how many ms their
 * following starts (spread evenly, as the proxy's adoptions are). Sends `{ startedAt }` (epoch ms of the
 * first start) once every operation is started upstream and followed; answers "cpu" like the proxy.
 */
const [simulatorUrl, countText, spreadText] = process.argv.slice(2);
if (simulatorUrl === undefined) throw new Error("Pass the simulator's origin as the first argument");
const count = Number(countText ?? 10_000);
const spreadMs = Number(spreadText ?? 30_000);

const monitors = await inParallel(count, 32, () => startUpstreamOperation(simulatorUrl, 600_000, 60));
const subscriptions: Subscription[] = [];
const startedAt = Date.now();
for (const [index, monitor] of monitors.entries()) {
  const due = startedAt + (index * spreadMs) / count;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  subscriptions.push(pollOperation(monitor).subscribe({ error: () => undefined }));
}

serveQuestions({ cpu: processCpuMs }, async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
});
process.send?.({ startedAt });
