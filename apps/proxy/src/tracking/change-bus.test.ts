import { describe, expect, it } from "vitest";
import type { OperationChange, OperationChangeListener } from "../store/operation-change.js";
import { createChangeBus } from "./change-bus.js";

describe("change bus", () => {
  it("delivers each change to its owner's subscribers, of all operations or of one", () => {
    let emit: OperationChangeListener = () => undefined;
    const bus = createChangeBus({
      subscribe: (listener) => {
        emit = listener;
        return () => (emit = () => undefined);
      },
    });
    const all: string[] = [];
    const one: string[] = [];
    const unsubscribeAll = bus.subscribe("alice", (change) => all.push(change.id));
    bus.subscribe("alice", (change) => one.push(change.id), "b");
    const deleted = (owner: string, id: string): OperationChange => ({
      type: "deleted",
      owner,
      id,
      version: 1,
    });
    emit(deleted("alice", "a"));
    emit(deleted("alice", "b"));
    emit(deleted("bob", "b"));
    expect(all).toEqual(["a", "b"]);
    expect(one).toEqual(["b"]);
    expect(bus.size).toBe(2);
    unsubscribeAll();
    unsubscribeAll();
    expect(bus.size).toBe(1);
    bus.close();
    emit(deleted("alice", "b"));
    expect(one).toEqual(["b"]);
  });
});
