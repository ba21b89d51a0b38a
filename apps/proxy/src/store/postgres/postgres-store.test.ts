import { describe } from "vitest";
import { describeOperationStore } from "../test-support/store-contract.js";
import { openPostgresStore } from "./postgres-store.js";
import {
  dropSchema,
  postgresAvailable,
  testDatabaseUrl,
  uniqueSchemaName,
} from "./test-support/test-database.js";

const available = await postgresAvailable();

describe.runIf(available)("PostgreSQL store", () => {
  const url = testDatabaseUrl as string;
  describeOperationStore("postgres", async () => {
    const schema = uniqueSchemaName();
    return {
      open: () => openPostgresStore({ connectionString: url, schema }),
      dispose: () => dropSchema(url, schema),
    };
  });
});
