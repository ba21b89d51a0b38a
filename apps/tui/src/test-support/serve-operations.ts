// A stand-in for lro-proxy in its own process, for tests of the real binary that need to stop the proxy
// (SIGSTOP) or feed it what no real upstream would send. Run with Node's type stripping:
//   node serve-operations.ts OPERATIONS_JSON_FILE
// It serves GET /operations (the file's array, one page), GET /operations/events (a heartbeat comment
// every second) and DELETE /operations/{id}, then prints its address on stdout.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const operations: unknown[] = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as unknown[];

const server = createServer((request, response) => {
  const path = request.url ?? "";
  if (path.startsWith("/operations/events")) {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.write(": hello\n\n");
    const heartbeat = setInterval(() => response.write(": heartbeat\n\n"), 1000);
    response.on("close", () => clearInterval(heartbeat));
    return;
  }
  if (request.method === "DELETE") {
    response.writeHead(204).end();
    return;
  }
  if (path.startsWith("/operations")) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ value: operations }));
    return;
  }
  response.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
