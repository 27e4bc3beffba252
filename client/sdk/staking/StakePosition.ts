// A delegator's position in one operator's pool.
import type { Address } from "../../index.js";

/** An unbonding entry: withdrawable from `releaseBlock` on. */
export interface UnbondingEntry {
  id: bigint;
  /** Current value (after any slash). */
  amount: bigint;
  releaseBlock: number;
}

/** One position: stake in an operator's pool, pending rewards, and stake still unbonding. */
export interface StakePosition {
  operator: Address;
  /** "node" or "validator" pool. */
  kind: "node" | "validator" | "none";
  shares: bigint;
  /** Current value of the shares in tokens. */
  stake: bigint;
  pendingRewards: bigint;
  /** Sum of unbonding entries. */
  unbonding: bigint;
  entries: UnbondingEntry[];
}
