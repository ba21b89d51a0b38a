import { mkdir, readFile, writeFile } from "node:fs/promises";

const resultsUrl = new URL("../../results/latest.json", import.meta.url);

/** The results of the suites that ran, laid over the previous file so that one suite's run keeps the other's. */
export async function writeResults(suites: Record<string, unknown>): Promise<string> {
  let previous: Record<string, unknown>;
  try {
    previous = JSON.parse(await readFile(resultsUrl, "utf8")) as Record<string, unknown>;
  } catch {
    previous = {};
  }
  await mkdir(new URL(".", resultsUrl), { recursive: true });
  await writeFile(resultsUrl, `${JSON.stringify({ ...previous, ...suites }, null, 2)}\n`);
  return resultsUrl.pathname;
}
