import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endToEndHeaders } from "./hop-by-hop.js";

describe("endToEndHeaders", () => {
  it("drops hop-by-hop headers, Proxy-* headers and the headers Connection names", () => {
    expect(
      endToEndHeaders({
        Connection: "keep-alive, X-Secret-Hop",
        "Keep-Alive": "timeout=5",
        "Proxy-Authorization": "Bearer proxy",
        "Proxy-Connection": "keep-alive",
        "Proxy-Anything": "x",
        TE: "trailers",
        Trailer: "Expires",
        "Transfer-Encoding": "chunked",
        Upgrade: "websocket",
        "x-secret-hop": "dropped",
        Authorization: "Bearer graph",
        Prefer: "respond-async",
        "client-request-id": "abc",
        "set-cookie": ["a=1", "b=2"],
        absent: undefined,
      }),
    ).toEqual({
      authorization: "Bearer graph",
      prefer: "respond-async",
      "client-request-id": "abc",
      "set-cookie": ["a=1", "b=2"],
    });
  });

  it("drops the extra names it is given", () => {
    expect(
      endToEndHeaders({ host: "proxy", "x-api-key": "k", accept: "*/*" }, ["host", "x-api-key"]),
    ).toEqual({ accept: "*/*" });
  });

  it("never lets a hop-by-hop header through, whatever its case", () => {
    const hop = fc.constantFrom(
      "connection",
      "keep-alive",
      "te",
      "trailer",
      "transfer-encoding",
      "upgrade",
      "proxy-x",
    );
    const casing = fc.array(fc.boolean(), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(hop, casing, (name, upper) => {
        const spelled = [...name]
          .map((character, index) => (upper[index] === true ? character.toUpperCase() : character))
          .join("");
        expect(endToEndHeaders({ [spelled]: "v", accept: "a" })).toEqual({ accept: "a" });
      }),
    );
  });
});
