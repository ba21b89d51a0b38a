import { z } from "zod";

/** The body of `GET /healthz`: the process answers. */
export const healthBodySchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });
export type HealthBody = z.infer<typeof healthBodySchema>;

/** A readiness check's word: `ok`, else what is wrong (`failing: …`, `unreachable: …`, `stopped`, `shutting down`). */
const checkSchema = z.string().describe('"ok", or what is wrong.');

/** The body of `GET /readyz`: 200 with `ready` when every check is `ok`, else 503 with `not ready`. */
export const readinessBodySchema = z
  .object({
    status: z.enum(["ready", "not ready"]),
    checks: z.object({
      store: checkSchema.describe(
        'The store answers a query and has seen no sign of a failing file: "ok", "failing: …" or "unreachable: …".',
      ),
      tracker: checkSchema.describe('The tracker runs: "ok" or "stopped".'),
      accepting: checkSchema.describe('The proxy is not shutting down: "ok" or "shutting down".'),
    }),
  })
  .meta({ id: "Readiness" });
export type ReadinessBody = z.infer<typeof readinessBodySchema>;
