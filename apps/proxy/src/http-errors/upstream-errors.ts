import { hasErrorCode, ProxyError } from "./proxy-error.js";

/** The upstream did not answer within the configured timeout. */
export class UpstreamTimeoutError extends ProxyError {
  readonly code = "gatewayTimeout";
  static override isInstance = hasErrorCode<UpstreamTimeoutError>("gatewayTimeout");
}

/** The upstream could not be reached or broke the connection. */
export class UpstreamUnavailableError extends ProxyError {
  readonly code = "badGateway";
  static override isInstance = hasErrorCode<UpstreamUnavailableError>("badGateway");
}
