/** Runs the `lro-proxy` command (server.ts) from its sources, for tests that start it as a process. */
export async function main(): Promise<void> {
  await import("../../server.js");
}
