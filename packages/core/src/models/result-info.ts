import { z } from "zod";
import { optionalCode, optionalNumber, optionalString } from "./field-schemas.js";
import type { FlavourProperty } from "./flavour.js";
import type { OperationError } from "./operation.js";
import { withoutUndefined } from "./without-undefined.js";

/** Graph's `resultInfo` (commsOperation, security.caseOperation): `code` is an Int32 of the HTTP/SIP kind. */
export const resultInfoSchema = z.looseObject({
  code: optionalCode,
  subcode: optionalNumber,
  message: optionalString,
});
export type ResultInfo = z.infer<typeof resultInfoSchema>;

/** A numeric code below 400 reports success (`200`: completed); a higher one, or a code in words, an error. */
function isErrorCode(code: number | string | undefined): code is number | string {
  return typeof code === "string" || (typeof code === "number" && code >= 400);
}

/** The error a `resultInfo` reports, or undefined when it reports success or nothing. */
export function resultInfoError(info: ResultInfo | null | undefined): OperationError | undefined {
  if (info === null || info === undefined || !isErrorCode(info.code)) return undefined;
  return { code: String(info.code), message: info.message ?? "" };
}

const canonicalNumber = /^(?:0|[1-9]\d{0,8})$/;

/** The `resultInfo` property: its error code and message feed `error`; success codes are kept in `raw`. */
export const resultInfoProperty: FlavourProperty<ResultInfo | null | undefined> = {
  feeds: ["error"],
  read: (value) => ({ error: resultInfoError(value) }),
  write: (operation, received) => {
    const kept =
      typeof received === "object" && received !== null && !Array.isArray(received)
        ? (received as Record<string, unknown>)
        : {};
    if (operation.error === undefined) {
      // A success code stays as received; an error the caller cleared is dropped.
      return resultInfoError(resultInfoSchema.safeParse(received).data) === undefined ? received : undefined;
    }
    const { code, message } = operation.error;
    // A code that reads back as an error code: numbers from 400 as numbers, anything else as a string.
    const written = canonicalNumber.test(code) && Number(code) >= 400 ? Number(code) : code;
    return withoutUndefined({ ...kept, code: written, message });
  },
};
