const marker = Symbol.for("@lro/core.error");

/**
 * The base of every error that @lro/core throws. `code` is stable and machine-readable; `name` is the
 * class name. `LroError.isInstance` works across duplicate copies of the package.
 */
export abstract class LroError extends Error {
  readonly [marker] = true;
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  static isInstance(value: unknown): value is LroError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** Builds the cross-copy `isInstance` check of one error class, keyed by its stable code. */
export function hasErrorCode<T extends LroError>(code: string) {
  return (value: unknown): value is T => LroError.isInstance(value) && value.code === code;
}
