// Entry point of node/validator: start a validator daemon in-process and its config types.
export { startValidator, type RunningValidator } from "./startValidator.js";
export type { ValidatorConfig } from "./ValidatorConfig.js";
export type { ValidatorStats, ChallengeRecord } from "./ValidatorStats.js";
export type { NodeRecordSummary, NodeFault } from "./NodeRecord.js";
export { loadValidatorConfig } from "./loadValidatorConfig.js";
