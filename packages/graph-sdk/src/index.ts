// Opting a request in
export { AwaitOperationOption, awaitOperation, awaitOperationOptionKey } from "./await-operation-option.js";
export type { AwaitOperationSettings } from "./await-operation-option.js";
