import { isErrorClass } from "@lro/core";
import { ProxyError } from "./proxy-error.js";

/** The caller did not prove who it is to the proxy (no, unknown or invalid API key or JWT). */
export class AuthenticationError extends ProxyError {
  readonly code = "unauthenticated";
  static override isInstance = isErrorClass<AuthenticationError>("AuthenticationError");
}
