import type { SimulatedError } from "../scenario/scenario.js";

/**
 * Graph's `resultInfo` of a failed operation: an Int32 `code` of the HTTP kind (the scenario's error
 * code is a word, so it goes into the message) and a `subcode`.
 */
export function failedResultInfo(error: SimulatedError): { code: number; subcode: number; message: string } {
  return { code: 500, subcode: 0, message: `${error.code}: ${error.message}` };
}
