import { z } from "zod";

/**
 * Graph's HTTP error envelope, as the proxy writes it: `{ "error": { code, message, innerError } }`;
 * `innerError` carries `date`, the proxy's own `request-id` and the caller's `client-request-id`.
 */
export const graphErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      innerError: z
        .object({ date: z.string(), "request-id": z.string(), "client-request-id": z.string().optional() })
        .catchall(z.unknown()),
    }),
  })
  .meta({ id: "ErrorResponse" });
export type GraphErrorEnvelope = z.infer<typeof graphErrorEnvelopeSchema>;
