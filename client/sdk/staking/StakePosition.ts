// A delegator's position in one operator's pool.
import type { Address } from "../../index.js";

/** One position: stake in an operator's pool, pending rewards, and stake still unbonding. */
export interface StakePosition {
  operator: Address;
  shares: bigint;
  /** Current value of the shares in tokens. */
  stake: bigint;
  pendingRewards: bigint;
  /** Tokens undelegated and not yet withdrawn. */
  unbonding: bigint;
  /** Unix time (s) or block at which the earliest unbonding entry can be withdrawn, when any. */
  withdrawableAt?: bigint;
}
