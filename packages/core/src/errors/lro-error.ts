/** The marker property an instance of the error class `name` carries: `Symbol.for("lro.error.<name>")`. */
export function errorMarker(name: string): symbol {
  return Symbol.for(`lro.error.${name}`);
}

/** An `isInstance` check built by {@link isErrorClass}; `errorName` is the class's stable name. */
export type ErrorClassCheck<T> = ((value: unknown) => value is T) & { readonly errorName: string };

/**
 * Builds the `isInstance` of the error class `name`: true for any object that carries the class's
 * marker, so it also recognises an error made by another copy of the package (a duplicate install, a
 * second bundle). Assign it to the class's static `isInstance`: `LroError` marks its instances with
 * the name of every class in their chain that declares one.
 */
export function isErrorClass<T>(name: string): ErrorClassCheck<T> {
  const marker = errorMarker(name);
  const check = (value: unknown): value is T =>
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  return Object.assign(check, { errorName: name });
}

function ownErrorName(constructor: object): string | undefined {
  const check = Object.getOwnPropertyDescriptor(constructor, "isInstance")?.value as
    { errorName?: unknown } | undefined;
  return typeof check?.errorName === "string" ? check.errorName : undefined;
}

/**
 * The base of every error that @lro/core throws, and of the errors of the packages and apps built on
 * it. `code` is stable, machine-readable and camelCase (as Graph's own error codes); `name` is the
 * class's stable name. Every class's `isInstance` works across duplicate copies of the package.
 */
export abstract class LroError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    for (let constructor: object | null = new.target; constructor !== null && constructor !== Error;) {
      const name = ownErrorName(constructor);
      if (name !== undefined) {
        Object.defineProperty(this, errorMarker(name), { value: true, enumerable: false });
      }
      constructor = Object.getPrototypeOf(constructor) as object | null;
    }
    this.name = ownErrorName(new.target) ?? new.target.name;
  }

  static isInstance: ErrorClassCheck<LroError> = isErrorClass<LroError>("LroError");
}
