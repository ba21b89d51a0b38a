import { z } from "zod";
import type { FlavourProperty } from "./flavour.js";
import type { OperationError } from "./operation.js";

/** configurationSnapshotJob's `errorDetails`: a list of messages. */
export const errorDetailsSchema = z.array(z.string()).nullish();

/** The messages as one error: the first is its message, the others its details (no codes are sent). */
export function errorOfMessages(messages: readonly string[] | null | undefined): OperationError | undefined {
  const present = (messages ?? []).filter((message) => message !== "");
  const [first, ...rest] = present;
  if (first === undefined) return undefined;
  return rest.length === 0
    ? { code: "", message: first }
    : { code: "", message: first, details: rest.map((message) => ({ code: "", message })) };
}

/** The `errorDetails` property: read as `error`; a changed error is written as its messages (codes are lost). */
export const errorDetailsProperty: FlavourProperty<string[] | null | undefined> = {
  feeds: ["error"],
  readOnly: ["error"],
  read: (value) => ({ error: errorOfMessages(value) }),
  write: (operation, received) => {
    const { error } = operation;
    if (error === undefined) return Array.isArray(received) && received.length === 0 ? received : undefined;
    return [error.message, ...(error.details ?? []).map((detail) => detail.message)];
  },
};
