import { createLogger } from "../../observability/logger.js";
import { createMetrics } from "../../observability/metrics.js";
import { createEgressPolicy } from "../../security/egress-policy.js";
import { parseOriginPattern, type OriginPattern } from "../../security/origin-pattern.js";
import { openSqliteStore } from "../../store/sqlite/sqlite-store.js";
import { createTracker } from "../tracker.js";
import { fastPacing } from "./fast-pacing.js";

/**
 * A tracker in a process of its own, for the kill -9 test: `main([dataDir, upstream, monitorUrl?])` opens
 * the store in `dataDir`, adopts `monitorUrl` when given, follows everything due, and writes each change
 * as a JSON line on stdout.
 */
export async function main([dataDir, upstream, monitorUrl]: string[]): Promise<void> {
  if (dataDir === undefined || upstream === undefined)
    throw new Error("usage: <dataDir> <upstream> [monitorUrl]");
  const store = openSqliteStore({ dataDir });
  const egress = createEgressPolicy({
    upstream: new URL(upstream),
    egress: {
      allowOrigins: [parseOriginPattern("http://127.0.0.1:*") as OriginPattern],
      allowAddresses: ["127.0.0.1"],
      tokenOrigins: [],
    },
  });
  const tracker = createTracker({
    store,
    egress,
    logger: createLogger({ level: "silent" }),
    metrics: createMetrics(),
    pollOptions: { ...fastPacing },
  });
  store.subscribe((change) => {
    const status = change.type === "operation" ? change.record.operation.status : "deleted";
    process.stdout.write(`${JSON.stringify({ id: change.id, version: change.version, status })}\n`);
  });
  tracker.start();
  if (monitorUrl !== undefined) await tracker.adopt({ owner: "owner", monitorUrl });
  setInterval(() => undefined, 60_000);
}
