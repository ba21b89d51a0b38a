import { afterEach, beforeEach, describe } from "vitest";
import { describeChangeContract } from "./contract-changes.js";
import { describeRecordContract } from "./contract-records.js";
import { describeScheduleContract } from "./contract-schedule.js";
import type { ContractContext, StoreFixture } from "./store-fixtures.js";

export { newRecord, pollResult, runningOperation } from "./store-fixtures.js";
export type { ContractContext, StoreFixture } from "./store-fixtures.js";

/**
 * The behaviour every `OperationStore` shares. Run it from a backend's own test file:
 * `describeOperationStore("sqlite", async () => fixture)`; `fixture.open()` may be called again to get a
 * new store on the same data.
 */
export function describeOperationStore(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`OperationStore contract: ${name}`, () => {
    const context = { changes: [] } as unknown as ContractContext;

    beforeEach(async () => {
      context.fixture = await createFixture();
      context.store = await context.fixture.open();
      context.changes.length = 0;
      context.store.subscribe((change) => context.changes.push(change));
    });
    afterEach(async () => {
      await context.store.close();
      await context.fixture.dispose();
    });

    describeRecordContract(context);
    describeScheduleContract(context);
    describeChangeContract(context);
  });
}
