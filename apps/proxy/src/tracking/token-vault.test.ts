import { describe, expect, it } from "vitest";
import { createTokenVault } from "./token-vault.js";

describe("token vault", () => {
  it("keeps a token per operation and refreshes only the owner's tokens for that origin", () => {
    const vault = createTokenVault();
    vault.set("a", { owner: "alice", tokenOrigin: "https://graph.microsoft.com", authorization: "Bearer 1" });
    vault.set("b", { owner: "alice", tokenOrigin: "https://other.example.com", authorization: "Bearer 1" });
    vault.set("c", { owner: "bob", tokenOrigin: "https://graph.microsoft.com", authorization: "Bearer bob" });
    vault.refresh("alice", "https://graph.microsoft.com", "Bearer 2");
    expect([vault.get("a"), vault.get("b"), vault.get("c")]).toEqual(["Bearer 2", "Bearer 1", "Bearer bob"]);
    vault.delete("a");
    vault.delete("a");
    expect(vault.get("a")).toBeUndefined();
    expect(vault.size).toBe(2);
  });
});
