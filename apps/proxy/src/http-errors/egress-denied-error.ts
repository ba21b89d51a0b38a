import { isErrorClass } from "@lro/core";
import { ProxyError } from "./proxy-error.js";

/** The egress policy refused to call an address: off the allow-list, or resolving to a blocked range. */
export class EgressDeniedError extends ProxyError {
  readonly code = "egressDenied";
  static override isInstance = isErrorClass<EgressDeniedError>("EgressDeniedError");

  constructor(
    /** The refused origin (never a full URL: paths and queries may carry secrets). */
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`The proxy does not call ${origin}: ${reason}.`, { innerError: { origin } });
  }
}
