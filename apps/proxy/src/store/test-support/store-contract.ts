import { afterEach, beforeEach, describe } from "vitest";
import { describeChangeFeedContract } from "./change-feed-contract.js";
import { describeDurabilityContract } from "./durability-contract.js";
import { describeNotificationScheduleContract } from "./notification-schedule-contract.js";
import { describePollScheduleContract } from "./poll-schedule-contract.js";
import { describeRecordsContract } from "./records-contract.js";
import { describeRetentionContract } from "./retention-contract.js";
import type { ContractContext, StoreFixture } from "./store-fixtures.js";

export { newRecord, pollResult, runningOperation } from "./store-fixtures.js";
export type { ContractContext, StoreFixture } from "./store-fixtures.js";

/**
 * The behaviour every `OperationStore` shares, SQLite and PostgreSQL alike. Run it from a backend's own test file:
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

    // One suite per narrow interface of the store, then what holds across them.
    describeRecordsContract(context);
    describePollScheduleContract(context);
    describeNotificationScheduleContract(context);
    describeChangeFeedContract(context);
    describeRetentionContract(context);
    describeDurabilityContract(context);
  });
}
