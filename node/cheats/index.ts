// Entry point of node/cheats: test-only cheating modes for inference nodes (refused outside the dev chain).
export type { CheatConfig, CheatMode } from "./CheatConfig.js";
export type { NodeCheats, CheatStats } from "./NodeCheats.js";
export { createNodeCheats } from "./createNodeCheats.js";
export { CheatsRefusedError } from "./CheatsRefusedError.js";
export { DEV_CHAIN_ID } from "./DEV_CHAIN_ID.js";
