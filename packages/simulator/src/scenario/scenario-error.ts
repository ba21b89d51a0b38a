/**
 * The marker of this class, `Symbol.for("lro.error.SimulatorScenarioError")`: the convention of every lro
 * error class (as @lro/core's `isErrorClass`), which makes `isInstance` work across copies of the package.
 */
const marker = Symbol.for("lro.error.SimulatorScenarioError");

/** A scenario (header `x-simulator-scenario`, `configure()` or `defaults`) that cannot be used. */
export class SimulatorScenarioError extends Error {
  readonly code = "invalidScenario";
  readonly issues: readonly string[];

  constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`${source} is not a valid scenario: ${issues.join("; ")}`, options);
    this.name = "SimulatorScenarioError";
    this.issues = issues;
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /** Whether `value` is one, also across copies of this package. */
  static isInstance(value: unknown): value is SimulatorScenarioError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
