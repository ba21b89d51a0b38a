import { describe, expectTypeOf, it } from "vitest";
import { isTerminal, normaliseStatus, parseOperation, safeParseOperation, toGraphJson } from "../index.js";
import type {
  AsyncJobStatus,
  Operation,
  OperationKind,
  OperationStatus,
  OperationValidationIssue,
  PrinterCreateOperation,
  RichLongRunningOperation,
  SafeParseOperationResult,
  OperationValidationError,
  richLongRunningOperationSchema,
} from "../index.js";

describe("the public types", () => {
  it("gives Operation a status of the normalised union and a kind of the flavours", () => {
    expectTypeOf<Operation["status"]>().toEqualTypeOf<
      "notStarted" | "running" | "succeeded" | "failed" | "unknownFutureValue"
    >();
    expectTypeOf<Operation["status"]>().toEqualTypeOf<OperationStatus>();
    expectTypeOf<Operation["kind"]>().toEqualTypeOf<OperationKind>();
    expectTypeOf<Operation["percentComplete"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Operation["raw"]>().toEqualTypeOf<Record<string, unknown>>();
  });

  it("narrows safeParseOperation's result on success", () => {
    const result = safeParseOperation({});
    expectTypeOf(result).toEqualTypeOf<SafeParseOperationResult>();
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<Operation>();
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<OperationValidationError>();
      expectTypeOf(result.error.issues).toEqualTypeOf<readonly OperationValidationIssue[]>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    }
  });

  it("types parseOperation, its options, the predicates and toGraphJson", () => {
    expectTypeOf(parseOperation).returns.toEqualTypeOf<Operation>();
    expectTypeOf(parseOperation).toBeCallableWith({}, { kind: "asyncJobStatus" });
    // @ts-expect-error not a flavour
    parseOperation({}, { kind: "copyOperation" });
    expectTypeOf(isTerminal).parameter(0).toMatchTypeOf<Pick<Operation, "status">>();
    expectTypeOf(normaliseStatus).returns.toEqualTypeOf<OperationStatus>();
    expectTypeOf(toGraphJson).returns.toEqualTypeOf<Record<string, unknown>>();
  });

  it("infers each flavour's type from its schema, unknown properties kept", () => {
    expectTypeOf<RichLongRunningOperation>().toEqualTypeOf<
      ReturnType<typeof richLongRunningOperationSchema.parse>
    >();
    expectTypeOf<RichLongRunningOperation["percentageComplete"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RichLongRunningOperation["status"]>().toEqualTypeOf<string>();
    expectTypeOf<RichLongRunningOperation["anythingElse"]>().toEqualTypeOf<unknown>();
    expectTypeOf<AsyncJobStatus["id"]>().toEqualTypeOf<unknown>();
    expectTypeOf<PrinterCreateOperation["status"]["state"]>().toEqualTypeOf<string>();
  });
});
