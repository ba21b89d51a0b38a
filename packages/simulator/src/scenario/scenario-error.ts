/** A scenario (header `x-simulator-scenario`, `configure()` or `defaults`) that cannot be used. */
export class SimulatorScenarioError extends Error {
  readonly code = "simulator_invalid_scenario";
  readonly issues: readonly string[];

  constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`${source} is not a valid scenario: ${issues.join("; ")}`, options);
    this.name = "SimulatorScenarioError";
    this.issues = issues;
  }

  static isInstance(error: unknown): error is SimulatorScenarioError {
    return error instanceof Error && error.name === "SimulatorScenarioError" && "issues" in error;
  }
}
