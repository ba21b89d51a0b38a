import { LroError, isErrorClass } from "./lro-error.js";

/** The monitor answered 404 (or 410): the operation is unknown or no longer kept by the service. */
export class OperationNotFoundError extends LroError {
  readonly code = "operationNotFound";
  readonly monitorUrl: string;
  readonly httpStatus: number;

  constructor(fields: { monitorUrl: string; httpStatus: number }, options?: { cause?: unknown }) {
    super(
      `The monitor ${fields.monitorUrl} answered ${fields.httpStatus}: the operation does not exist or has expired ` +
        "(services keep an operation at least 24 h after it ends); check the monitor address",
      options,
    );
    this.monitorUrl = fields.monitorUrl;
    this.httpStatus = fields.httpStatus;
  }

  static override isInstance = isErrorClass<OperationNotFoundError>("OperationNotFoundError");
}
