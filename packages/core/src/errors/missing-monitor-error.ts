import { LroError, isErrorClass } from "./lro-error.js";

/** The initial request answered 202 Accepted without a Location or Operation-Location header to poll. */
export class MissingMonitorError extends LroError {
  readonly code = "missingMonitor";
  readonly requestUrl: string;
  readonly httpStatus: number;

  constructor(fields: { requestUrl: string; httpStatus: number }, options?: { cause?: unknown }) {
    super(
      `${fields.requestUrl} answered ${fields.httpStatus} without a Location or Operation-Location header, so there ` +
        "is no status monitor to poll; check that the action is long-running, or poll its monitor with pollOperation",
      options,
    );
    this.requestUrl = fields.requestUrl;
    this.httpStatus = fields.httpStatus;
  }

  static override isInstance = isErrorClass<MissingMonitorError>("MissingMonitorError");
}
