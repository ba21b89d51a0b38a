import { isErrorClass } from "@lro/core";
import { ProxyError } from "./proxy-error.js";

/** The upstream did not answer within the configured timeout. */
export class UpstreamTimeoutError extends ProxyError {
  readonly code = "gatewayTimeout";
  static override isInstance = isErrorClass<UpstreamTimeoutError>("UpstreamTimeoutError");
}

/** The upstream could not be reached or broke the connection. */
export class UpstreamUnavailableError extends ProxyError {
  readonly code = "badGateway";
  static override isInstance = isErrorClass<UpstreamUnavailableError>("UpstreamUnavailableError");
}

/**
 * The client went away before the upstream answered, and the upstream call was abandoned with it: not an
 * upstream failure (not counted as one) and nobody to answer (logged at debug).
 */
export class ClientGoneError extends ProxyError {
  readonly code = "clientClosedRequest";
  static override isInstance = isErrorClass<ClientGoneError>("ClientGoneError");
}
