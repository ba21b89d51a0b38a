import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cliPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

describe("lro-simulator (the built command)", () => {
  it.skipIf(!existsSync(cliPath))(
    "prints both origins, answers requests and exits cleanly on SIGTERM",
    async () => {
      const child = spawn(process.execPath, [cliPath, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      const graphOrigin = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Graph origin: +(http:\/\/\S+)/.exec(output);
          if (match?.[1] !== undefined && output.includes("Monitor origin:")) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      expect(output).toMatch(/Monitor origin: +http:\/\/127\.0\.0\.1:\d+/);
      const answer = await fetch(`${graphOrigin}/v1.0/teams/t/archive`, { method: "POST" });
      expect(answer.status).toBe(202);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
  );
});
