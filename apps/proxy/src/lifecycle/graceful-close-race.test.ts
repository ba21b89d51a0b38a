import { createServer, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { makeClosable } from "./graceful-close.js";

describe("graceful close", () => {
  it("asks a request that arrives while closing to close its connection, even one the app answers at once", async () => {
    const held: ServerResponse[] = [];
    const server = createServer((request, response) => {
      if (request.url === "/hold") held.push(response);
      else response.end("at once");
    });
    const closable = makeClosable(server);
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on("uncaughtException", onCrash);
    try {
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const { port } = server.address() as { port: number };
      const socket = connect(port, "127.0.0.1");
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
      socket.write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
      await expect.poll(() => held.length).toBe(1);

      const closing = closable.close(5_000);
      // A second request on the busy connection (pipelined) arrives during the shutdown.
      socket.write("GET /now HTTP/1.1\r\nHost: x\r\n\r\n");
      await new Promise((resolve) => setTimeout(resolve, 50));
      held[0]?.end("held");
      await expect.poll(() => received).toContain("at once");
      await closing;
      expect(crashes).toEqual([]);
      expect(received).toContain("held");
      expect(received.toLowerCase()).toContain("connection: close");
      socket.destroy();
    } finally {
      process.off("uncaughtException", onCrash);
    }
  });
});
