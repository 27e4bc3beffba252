// A registered validator as the SDK sees it.
import type { Address } from "../index.js";

/** A validator registered in the Subnet. */
export interface ValidatorInfo {
  operator: Address;
  slot: number;
  /** Total stake of its pool (self + delegated). */
  stake: bigint;
  /** Registered with at least the minimum self-stake (may sit on committees, its weights count). */
  active: boolean;
  /** Block until which it is jailed (0 when not). */
  jailedUntil: number;
}
