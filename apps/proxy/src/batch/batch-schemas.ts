import { z } from "zod";

const headersSchema = z
  .record(z.string(), z.string())
  .describe("Header names and values (Graph writes each header once).");

/** One request of a Graph JSON batch; its relative `url` resolves against the batch's version (`/v1.0`, `/beta`). */
export const batchRequestItemSchema = z.looseObject({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().describe("Relative to the batch's version: `/teams/{id}/clone` under `/v1.0/$batch`."),
  headers: headersSchema.optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
export type BatchRequestItem = z.infer<typeof batchRequestItemSchema>;

/** The body of `POST {version}/$batch`, as Graph defines it (at most 20 requests). */
export const batchRequestSchema = z
  .looseObject({ requests: z.array(batchRequestItemSchema) })
  .meta({ id: "BatchRequest" });
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** One answer of a Graph JSON batch. */
export const batchResponseItemSchema = z.looseObject({
  id: z.string().min(1),
  status: z.number().int().min(100).max(599),
  headers: headersSchema.optional(),
  body: z.unknown().optional(),
});
export type BatchResponseItem = z.infer<typeof batchResponseItemSchema>;

/**
 * The answer of a Graph JSON batch. Through the proxy, an inner `202` that names a monitor is the proxy's
 * operation: its `Location` and `Operation-Location` name the proxy's operation, `Upstream-Location` the
 * monitor the upstream named.
 */
export const batchResponseSchema = z
  .looseObject({
    responses: z.array(batchResponseItemSchema),
    "@odata.nextLink": z.string().optional(),
  })
  .meta({ id: "BatchResponse" });
export type BatchResponse = z.infer<typeof batchResponseSchema>;
