import type { OperationError, OperationErrorDetail, OperationInnerError } from "./operation.js";
import type {
  PublicError,
  PublicErrorDetail,
  PublicInnerError,
  TeamsOperationError,
} from "./public-error.js";
import { withoutUndefined } from "./without-undefined.js";

const publicErrorProperties: ReadonlySet<string> = new Set([
  "code",
  "message",
  "target",
  "details",
  "innerError",
]);
const teamsErrorProperties: ReadonlySet<string> = new Set(["code", "message"]);

function normaliseDetail(detail: PublicErrorDetail): OperationErrorDetail {
  return withoutUndefined({ code: detail.code ?? "", message: detail.message ?? "", target: detail.target });
}

function normaliseInnerError(inner: PublicInnerError): OperationInnerError {
  const { code, message, target, details, innerError, ...rest } = inner;
  return withoutUndefined({
    ...rest,
    code,
    message,
    target,
    details: details === null || details === undefined ? undefined : details.map(normaliseDetail),
    innerError: innerError === null || innerError === undefined ? undefined : normaliseInnerError(innerError),
  });
}

/** An error object that says nothing (`{}`, or only empty or null members) reads as no error. */
function isEmptyError(error: PublicError): boolean {
  return (
    error.code === undefined &&
    error.message === undefined &&
    error.target === undefined &&
    (error.details === null || error.details === undefined || error.details.length === 0) &&
    (error.innerError === null || error.innerError === undefined)
  );
}

/** Any flavour's error payload as the normalised `OperationError` (missing code or message read as ""). */
export function normaliseError(error: PublicError | null | undefined): OperationError | undefined {
  if (error === null || error === undefined || isEmptyError(error)) return undefined;
  return withoutUndefined({
    code: error.code ?? "",
    message: error.message ?? "",
    target: error.target,
    details:
      error.details === null || error.details === undefined ? undefined : error.details.map(normaliseDetail),
    innerError:
      error.innerError === null || error.innerError === undefined
        ? undefined
        : normaliseInnerError(error.innerError),
  });
}

/** Graph's `operationError` as the normalised `OperationError`. */
export function normaliseTeamsError(
  error: TeamsOperationError | null | undefined,
): OperationError | undefined {
  if (error === null || error === undefined || isEmptyError(error)) return undefined;
  return { code: error.code ?? "", message: error.message ?? "" };
}

function writeOver(
  known: ReadonlySet<string>,
  written: Record<string, unknown>,
  received: unknown,
): Record<string, unknown> {
  const kept =
    typeof received === "object" && received !== null && !Array.isArray(received)
      ? Object.fromEntries(Object.entries(received).filter(([key]) => !known.has(key)))
      : {};
  return withoutUndefined({ ...kept, ...written });
}

/** The normalised error written back as Graph's `publicError`, over the unknown properties received. */
export function errorJson(error: OperationError, received: unknown): Record<string, unknown> {
  return writeOver(publicErrorProperties, { ...error }, received);
}

/** The normalised error written back as Graph's `operationError` ({code, message}), over the rest received. */
export function teamsErrorJson(error: OperationError, received: unknown): Record<string, unknown> {
  return writeOver(teamsErrorProperties, { code: error.code, message: error.message }, received);
}
