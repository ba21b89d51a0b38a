import { runChild } from "../processes/run-child.js";
import { startSimulatorProcess } from "../processes/simulator-process.js";
import type { SimulatorProcess } from "../processes/simulator-process.js";
import { printTable } from "../report/table.js";
import type { OperationsResult, OperationsTask, SteadyResult } from "./client-task.js";
import { abandonedRow, operationsRow } from "./poller-rows.js";
import { describeError } from "./describe-error.js";
import type { OperationsRow } from "./poller-rows.js";
import { cpuComparison, operationsScenarios, steadyRounds, steadyTasks } from "./poller-scenarios.js";
import type { OperationsScenario } from "./poller-scenarios.js";
import { cpuRoundsColumns, operationsColumns, steadyColumns } from "./poller-tables.js";
import { cpuRoundsRows } from "./cpu-rounds-row.js";
import type { CpuRoundsRow } from "./cpu-rounds-row.js";
import type { ClientName } from "./client-task.js";
import { steadyRow, withAzureRatios } from "./steady-row.js";
import type { SteadyRow } from "./steady-row.js";

const clientEntry = new URL("./client-child.js", import.meta.url);

export interface PollerSuiteResult {
  scenarios: { name: string; rows: OperationsRow[] }[];
  /** CPU per request in the 1,000-operation scenario, each client's median of interleaved rounds. */
  cpu: CpuRoundsRow[];
  steady: SteadyRow[];
}

/** One client's run of an operations task in its own process, on a reset simulator. */
async function runOperationsTask(simulator: SimulatorProcess, task: OperationsTask): Promise<OperationsRow> {
  await simulator.reset();
  const limit = task.startSpreadMs + task.capMs + 30_000;
  const simulatorCpuBefore = await simulator.cpuMs();
  try {
    const result = await runChild<OperationsResult>(clientEntry, task, limit);
    const simulatorCpuMs = (await simulator.cpuMs()) - simulatorCpuBefore;
    const [records, counts] = [await simulator.operations(), await simulator.requests()];
    console.log(`  ${task.client} on ${task.flavour}: done in ${(result.wallMs / 1000).toFixed(1)} s`);
    return operationsRow(task, result, records, counts, simulatorCpuMs);
  } catch (error) {
    console.log(`  ${task.client} on ${task.flavour}: abandoned (${describeError(error)})`);
    return abandonedRow(task, describeError(error));
  }
}

async function runScenario(
  simulator: SimulatorProcess,
  scenario: OperationsScenario,
): Promise<OperationsRow[]> {
  const rows: OperationsRow[] = [];
  for (const run of scenario.runs)
    rows.push(
      await runOperationsTask(simulator, {
        type: "operations",
        graphUrl: simulator.url,
        ...scenario.shape,
        ...run,
      }),
    );
  printTable(scenario.name, operationsColumns, rows);
  return rows;
}

/**
 * The 1,000-operation scenario's CPU comparison in interleaved rounds (every client once per round, so
 * each sees the same background load); a client's figure is the median of its rounds.
 */
async function runCpuRounds(simulator: SimulatorProcess): Promise<CpuRoundsRow[]> {
  const { shape, flavour, clients, rounds } = cpuComparison;
  const runs = new Map<ClientName, OperationsRow[]>(clients.map((client) => [client, []]));
  for (let round = 1; round <= rounds; round += 1)
    for (const client of clients) {
      const task: OperationsTask = { type: "operations", graphUrl: simulator.url, ...shape, client, flavour };
      const row = await runOperationsTask(simulator, task);
      if (row.cpuPerRequestUs !== null) runs.get(client)?.push(row);
    }
  const rows = cpuRoundsRows(runs);
  printTable(`${cpuComparison.name} (${rounds} rounds)`, cpuRoundsColumns, rows);
  return rows;
}

/**
 * The steady CPU tasks in interleaved rounds (every client once per round), so that each client sees the
 * same background load; a client's figure is the median of its rounds.
 */
async function runSteadyRounds(simulator: SimulatorProcess): Promise<SteadyRow[]> {
  const results = new Map<string, SteadyResult[]>(steadyTasks.map((task) => [task.client, []]));
  for (let round = 1; round <= steadyRounds; round += 1)
    for (const task of steadyTasks) {
      await simulator.reset();
      try {
        results
          .get(task.client)
          ?.push(await runChild<SteadyResult>(clientEntry, { ...task, graphUrl: simulator.url }, 60_000));
      } catch (error) {
        console.log(`  steady CPU of ${task.client}, round ${round}: abandoned (${describeError(error)})`);
      }
    }
  return steadyTasks.flatMap((task) => {
    const rounds = results.get(task.client) ?? [];
    return rounds.length === 0 ? [] : [steadyRow(task, rounds)];
  });
}

/** Suite A: @lro/core against @azure/core-lro 3.3.1 on the simulator, each client in its own process. */
export async function runPollerSuite(): Promise<PollerSuiteResult> {
  const simulator = await startSimulatorProcess();
  try {
    const scenarios: PollerSuiteResult["scenarios"] = [];
    for (const scenario of operationsScenarios) {
      console.log(`\n${scenario.name}`);
      scenarios.push({ name: scenario.name, rows: await runScenario(simulator, scenario) });
    }
    console.log(`\n${cpuComparison.name}`);
    const cpu = await runCpuRounds(simulator);
    const steady = await runSteadyRounds(simulator);
    const rows = withAzureRatios(steady);
    printTable(
      `CPU per poll in steady state (200 operations every 250 ms, ${steadyRounds} interleaved rounds, starts excluded)`,
      steadyColumns,
      rows,
    );
    return { scenarios, cpu, steady: rows };
  } finally {
    await simulator.stop();
  }
}
