import { describe, expect, it } from "vitest";
import { createStreamTokens } from "./stream-token.js";

const secret = Buffer.alloc(32, 7);

function clockAt(now: number) {
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  return clock;
}

describe("stream tokens", () => {
  it("open the stream of the one operation they were minted for, as its owner", () => {
    const tokens = createStreamTokens({ secret, clock: clockAt(1_700_000_000_000) });
    const { token, expiresAt } = tokens.mint("key-alice", "op-1");
    expect(expiresAt).toBe(1_700_000_300_000);
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]{43}$/);
    expect(tokens.verify(token, "op-1")).toEqual({ valid: true, owner: "key-alice" });
    expect(tokens.verify(token, "op-2")).toEqual({ valid: false, reason: "otherOperation" });
  });

  it("expire after their lifetime (5 minutes by default)", () => {
    const clock = clockAt(1_700_000_000_000);
    const tokens = createStreamTokens({ secret, clock });
    const { token } = tokens.mint("key-alice", "op-1");
    clock.advance(299_999);
    expect(tokens.verify(token, "op-1").valid).toBe(true);
    clock.advance(1);
    expect(tokens.verify(token, "op-1")).toEqual({ valid: false, reason: "expired" });

    const short = createStreamTokens({ secret, clock, lifetimeMs: 10_000 });
    const minted = short.mint("key-alice", "op-1");
    clock.advance(10_000);
    expect(short.verify(minted.token, "op-1")).toEqual({ valid: false, reason: "expired" });
  });

  it("refuse a token whose payload was changed (another operation, owner or expiry)", () => {
    const clock = clockAt(1_700_000_000_000);
    const tokens = createStreamTokens({ secret, clock });
    const [version, , signature] = tokens.mint("key-alice", "op-1").token.split(".");
    for (const claims of [
      { o: "key-alice", i: "op-2", e: 1_700_000_300 },
      { o: "key-bob", i: "op-1", e: 1_700_000_300 },
      { o: "key-alice", i: "op-1", e: 1_800_000_000 },
    ]) {
      const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
      expect(tokens.verify(`${version}.${payload}.${signature}`, claims.i)).toEqual({
        valid: false,
        reason: "badSignature",
      });
    }
  });

  it("refuse a changed signature, another key's token, and anything not a token", () => {
    const clock = clockAt(1_700_000_000_000);
    const tokens = createStreamTokens({ secret, clock });
    const { token } = tokens.mint("key-alice", "op-1");
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const changed = (position: number, flip: number) => {
      const index = alphabet.indexOf(token.at(position)!);
      return `${token.slice(0, position)}${alphabet[index ^ flip]}${position === -1 ? "" : token.slice(position + 1)}`;
    };
    // The last character's lowest bits, which a base64 decoder ignores, and a bit that counts.
    expect(tokens.verify(changed(-1, 1), "op-1")).toEqual({ valid: false, reason: "badSignature" });
    expect(tokens.verify(changed(-1, 2), "op-1")).toEqual({ valid: false, reason: "badSignature" });
    expect(tokens.verify(changed(-5, 32), "op-1")).toEqual({ valid: false, reason: "badSignature" });
    const other = createStreamTokens({ secret: Buffer.alloc(32, 8), clock });
    expect(other.verify(token, "op-1")).toEqual({ valid: false, reason: "badSignature" });
    // Two processes without a configured key: each signs with its own random key.
    expect(
      createStreamTokens({ clock }).verify(createStreamTokens({ clock }).mint("a", "b").token, "b"),
    ).toEqual({ valid: false, reason: "badSignature" });
    for (const garbage of [
      "",
      "v1",
      "v1..",
      `v2${token.slice(2)}`,
      `${token}.x`,
      "v1.e30.%%%",
      token.slice(0, -1),
    ]) {
      expect(tokens.verify(garbage, "op-1")).toEqual({ valid: false, reason: "malformed" });
    }
  });

  it("are accepted by every instance given the same key (a cluster)", () => {
    const clock = clockAt(1_700_000_000_000);
    const first = createStreamTokens({ secret: Buffer.from(secret), clock });
    const second = createStreamTokens({ secret: Buffer.from(secret), clock });
    expect(second.verify(first.mint("key-alice", "op-1").token, "op-1")).toEqual({
      valid: true,
      owner: "key-alice",
    });
  });

  it("refuse a key shorter than 256 bits", () => {
    expect(() => createStreamTokens({ secret: Buffer.alloc(16) })).toThrow(/at least 32 bytes/);
  });
});
