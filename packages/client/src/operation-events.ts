import { z } from "zod";

/** The `data` of an `event: deleted` frame: the operation is gone (forgotten or expired). */
export const deletedEventDataSchema = z.object({ id: z.string().min(1) }).meta({ id: "DeletedEvent" });
export type DeletedEventData = z.infer<typeof deletedEventDataSchema>;

/**
 * The event names of the proxy's streams: `operation` (data: the operation's wire JSON) and `deleted`
 * (data: `{ "id" }`). Each frame's `id:` is the change's version, what `Last-Event-ID` resumes after.
 */
export const operationEventNames = ["operation", "deleted"] as const;
export type OperationEventName = (typeof operationEventNames)[number];
