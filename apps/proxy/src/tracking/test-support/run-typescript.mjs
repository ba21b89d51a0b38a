// Runs a TypeScript entry of this package in a plain Node.js process, resolving workspace packages to
// their sources like the tests do: `node run-typescript.mjs <entry.ts> [arguments...]`. For tests that
// must kill a real process (SIGKILL) and start it again.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

const [entry, ...rest] = process.argv.slice(2);
if (entry === undefined) throw new Error("usage: node run-typescript.mjs <entry.ts> [arguments...]");
const conditions = ["@lro/source", "node", "import", "default"];
const server = await createServer({
  configFile: false,
  root: resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
  logLevel: "silent",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@lro/source", "node"] } },
  optimizeDeps: { noDiscovery: true, include: [] },
});
process.argv = [process.argv[0], entry, ...rest];
const module = await server.ssrLoadModule(resolve(entry));
await module.main(rest);
