/*
 * lro's error-class convention (`isErrorClass` and `LroError` of @lro/core), kept here rather than
 * imported: loading @lro/core loads zod, and `--help` and every usage error only print. An instance
 * carries `Symbol.for("lro.error.<Name>")` for each class of its chain, so `isInstance` also knows an
 * error made by another copy of a package (@lro/client's `ProxyResponseError` included).
 */

/** An `isInstance` check of the error class `errorName`. */
export type ErrorClassCheck<T> = ((value: unknown) => value is T) & { readonly errorName: string };

/** True for any object carrying the marker of the error class `name`, whichever copy made it. */
export function isErrorClass<T>(name: string): ErrorClassCheck<T> {
  const marker = Symbol.for(`lro.error.${name}`);
  const check = (value: unknown): value is T =>
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  return Object.assign(check, { errorName: name });
}

function ownErrorName(constructor: object): string | undefined {
  const check = Object.getOwnPropertyDescriptor(constructor, "isInstance")?.value as
    { errorName?: unknown } | undefined;
  return typeof check?.errorName === "string" ? check.errorName : undefined;
}

/** The base of lro-tui's errors: a stable camelCase `code`, a stable `name`, a cross-copy `isInstance`. */
export abstract class TuiError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    for (let constructor: object | null = new.target; constructor !== null && constructor !== Error;) {
      const name = ownErrorName(constructor);
      if (name !== undefined) {
        Object.defineProperty(this, Symbol.for(`lro.error.${name}`), { value: true, enumerable: false });
      }
      constructor = Object.getPrototypeOf(constructor) as object | null;
    }
    this.name = ownErrorName(new.target) ?? new.target.name;
  }

  static isInstance: ErrorClassCheck<TuiError> = isErrorClass<TuiError>("TuiError");
}
