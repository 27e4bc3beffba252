// Package entry of the subnet epoch reference: exact TypeScript twin of the Subnet contract's Yuma epoch.
export { Q32 } from "./Q32.js";
export { weightedMedian } from "./weightedMedian.js";
export { runYumaEpoch } from "./runYumaEpoch.js";
export type { RunYumaEpochParameters, RunYumaEpochReturnType } from "./runYumaEpoch.js";
