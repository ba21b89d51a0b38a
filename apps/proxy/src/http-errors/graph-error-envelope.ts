import type { GraphErrorEnvelope } from "@lro/client";

export { graphErrorEnvelopeSchema } from "@lro/client";
export type { GraphErrorEnvelope } from "@lro/client";

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
