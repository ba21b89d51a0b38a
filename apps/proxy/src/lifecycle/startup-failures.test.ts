import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../store/postgres/test-support/test-database.js";
import { testApiKey } from "./test-support/test-proxy.js";
import { runProxyCommand } from "./test-support/proxy-command.js";
import {
  fakeTlsCertificatePath,
  startFakeTokenEndpoint,
} from "../credentials/test-support/fake-token-endpoint.js";

let root: string;
let occupied: Server;
let occupiedPort: number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lro-proxy-startup-"));
  chmodSync(root, 0o755);
  occupied = createServer();
  await new Promise<void>((listening) => occupied.listen(0, "127.0.0.1", listening));
  occupiedPort = (occupied.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((closed) => occupied.close(closed));
  rmSync(root, { recursive: true, force: true });
});

/** Runs the command to its exit; its standard error must be one `lro-proxy cannot start:` line. */
async function refusal(
  flags: string[],
  options: { uid?: number; gid?: number } = {},
  env: Record<string, string> = {},
) {
  const command = runProxyCommand(
    ["--port", "0", "--log-level", "error", ...flags],
    { LRO_PROXY_API_KEY: testApiKey, ...env },
    options,
  );
  const code = await command.exited;
  const errors = command.errors.join("");
  return { code, errors, lines: errors.trimEnd().split("\n") };
}

describe("lro-proxy start-up failures", { timeout: 60_000 }, () => {
  it("a port in use: one line naming it and the setting, exit 2", async () => {
    const dataDir = join(root, "port");
    const { code, lines } = await refusal(["--data-dir", dataDir, "--port", String(occupiedPort)]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `lro-proxy cannot start: 127.0.0.1:${occupiedPort} is already in use: stop the process that listens there or choose another --port (LRO_PROXY_PORT)`,
    ]);
  });

  it("a data directory that is a file", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "not a directory");
    const { code, lines } = await refusal(["--data-dir", file]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `lro-proxy cannot start: --data-dir (LRO_PROXY_DATA_DIR): "${file}" is a file, not a directory: point --data-dir (LRO_PROXY_DATA_DIR) at a directory (it is created if missing)`,
    ]);
  });

  it("a data directory this user may not write", async () => {
    const dataDir = join(root, "read-only");
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o555);
    // The superuser writes anywhere: run the command as nobody to meet the refusal a user would.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const { code, lines } = await refusal(["--data-dir", dataDir], asUser);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `lro-proxy cannot start: --data-dir (LRO_PROXY_DATA_DIR): "${dataDir}" is not writable by this user (EACCES): give this user write access to it, or choose another directory`,
    ]);
  });

  it("a database file that is not a database", async () => {
    const dataDir = join(root, "not-a-database");
    mkdirSync(dataDir);
    writeFileSync(
      join(dataDir, "operations.db"),
      "these are not the pages of a SQLite database ".repeat(200),
    );
    const { code, lines } = await refusal(["--data-dir", dataDir]);
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^lro-proxy cannot start: "${dataDir}/operations.db" is not a SQLite database: move it away`,
      ),
    );
  });

  it("PostgreSQL that cannot be reached", async () => {
    const { code, lines } = await refusal([
      "--database-url",
      "postgres://lro:secret-password@127.0.0.1:1/lro",
    ]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      "lro-proxy cannot start: PostgreSQL at 127.0.0.1:1/lro cannot be reached (ECONNREFUSED): start it, or correct --database-url (LRO_PROXY_DATABASE_URL)",
    ]);
  });

  it.skipIf(testDatabaseUrl === undefined)("a PostgreSQL database that does not exist", async () => {
    const url = new URL(testDatabaseUrl!);
    url.pathname = "/lro_no_such_database";
    const { code, lines } = await refusal(["--database-url", url.href]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `lro-proxy cannot start: the PostgreSQL database lro_no_such_database does not exist at ${url.hostname}:${url.port || "5432"}/lro_no_such_database: create it (createdb lro_no_such_database) or correct --database-url (LRO_PROXY_DATABASE_URL)`,
    ]);
  });

  it("a lease that does not exceed the upstream timeout", async () => {
    const { code, lines } = await refusal(["--data-dir", join(root, "lease"), "--lease", "5s"]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      "lro-proxy cannot start: --lease (LRO_PROXY_LEASE): 5s does not exceed --upstream-timeout (30s): a poll still waiting for its answer would be claimed and polled again; give a longer --lease or a shorter --upstream-timeout",
    ]);
  });

  it("app-only credentials the sign-in service refuses", async () => {
    const endpoint = await startFakeTokenEndpoint({
      tenant: "contoso.example",
      clientId: "app",
      clientSecret: "the-right-secret",
    });
    try {
      const { code, lines } = await refusal(
        [
          "--data-dir",
          join(root, "app-credentials"),
          "--graph-tenant-id",
          "contoso.example",
          "--graph-client-id",
          "app",
          "--graph-authority-host",
          endpoint.url,
        ],
        {},
        { LRO_PROXY_GRAPH_CLIENT_SECRET: "a-wrong-secret", NODE_EXTRA_CA_CERTS: fakeTlsCertificatePath },
      );
      expect(code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^lro-proxy cannot start: no Graph token could be got with the app-only credentials from https:\/\/127\.0\.0\.1:\d+ \(.*AADSTS7000215.*\): check --graph-tenant-id/,
      );
      expect(lines[0]).not.toContain("a-wrong-secret");
    } finally {
      await endpoint.close();
    }
  });
});
