import { LroError, isErrorClass } from "./lro-error.js";

/** The monitor answered 401 or 403. Not retried: a new token or permission is needed. */
export class MonitorAuthorizationError extends LroError {
  readonly code = "monitorAuthorization";
  readonly monitorUrl: string;
  readonly httpStatus: number;
  /** Whether an Authorization header was sent to the monitor (false for an untrusted foreign origin). */
  readonly authorizationSent: boolean;

  constructor(
    fields: { monitorUrl: string; httpStatus: number; authorizationSent: boolean },
    options?: { cause?: unknown },
  ) {
    const hint = fields.authorizationSent
      ? "the token was refused: check that it is valid and grants permission to read the operation"
      : "no Authorization header was sent: pass headers or getAuthorization, and requestUrl (the request that started the operation; without it only Graph's own origins get the token) or the monitor's origin in trustedOrigins";
    super(`The monitor ${fields.monitorUrl} answered ${fields.httpStatus}; ${hint}`, options);
    this.monitorUrl = fields.monitorUrl;
    this.httpStatus = fields.httpStatus;
    this.authorizationSent = fields.authorizationSent;
  }

  static override isInstance = isErrorClass<MonitorAuthorizationError>("MonitorAuthorizationError");
}
