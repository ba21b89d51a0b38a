import { z } from "zod";

/** Graph's HTTP error envelope, as the proxy writes it: `{ "error": { code, message, innerError } }`. */
export const graphErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: z
      .object({ date: z.string(), "request-id": z.string(), "client-request-id": z.string().optional() })
      .catchall(z.unknown()),
  }),
});
export type GraphErrorEnvelope = z.infer<typeof graphErrorEnvelopeSchema>;

export interface GraphErrorInput {
  code: string;
  message: string;
  requestId: string;
  clientRequestId?: string | undefined;
  details?: Record<string, unknown>;
  now?: Date;
}

export function graphErrorEnvelope(input: GraphErrorInput): GraphErrorEnvelope {
  return {
    error: {
      code: input.code,
      message: input.message,
      innerError: {
        ...input.details,
        date: (input.now ?? new Date()).toISOString(),
        "request-id": input.requestId,
        ...(input.clientRequestId === undefined ? {} : { "client-request-id": input.clientRequestId }),
      },
    },
  };
}
