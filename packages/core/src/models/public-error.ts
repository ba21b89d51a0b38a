import { z } from "zod";
import { optionalString } from "./field-schemas.js";

/** Graph's `publicErrorDetail`. */
export const publicErrorDetailSchema = z.looseObject({
  code: optionalString,
  message: optionalString,
  target: optionalString,
});
export type PublicErrorDetail = z.infer<typeof publicErrorDetailSchema>;

/** Graph's `publicInnerError`: an open type whose `innerError` may nest further. */
export interface PublicInnerError {
  code?: string | undefined;
  message?: string | undefined;
  target?: string | undefined;
  details?: PublicErrorDetail[] | null | undefined;
  innerError?: PublicInnerError | null | undefined;
  [property: string]: unknown;
}
export const publicInnerErrorSchema: z.ZodType<PublicInnerError, unknown> = z.looseObject({
  code: optionalString,
  message: optionalString,
  target: optionalString,
  details: z.array(publicErrorDetailSchema).nullish(),
  get innerError() {
    return publicInnerErrorSchema.nullish();
  },
});

/**
 * Graph's `publicError`. Also reads the smaller error types of the other flavours
 * (`onenoteOperationError`, `workbookOperationError` with its nested `innerError`).
 */
export const publicErrorSchema = z.looseObject({
  code: optionalString,
  message: optionalString,
  target: optionalString,
  details: z.array(publicErrorDetailSchema).nullish(),
  innerError: publicInnerErrorSchema.nullish(),
});
export type PublicError = z.infer<typeof publicErrorSchema>;

/** Graph's `operationError` (the error of a `teamsAsyncOperation`). */
export const teamsOperationErrorSchema = z.looseObject({
  code: optionalString,
  message: optionalString,
});
export type TeamsOperationError = z.infer<typeof teamsOperationErrorSchema>;
