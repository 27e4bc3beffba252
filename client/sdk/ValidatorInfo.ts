// A registered validator as the SDK sees it.
import type { Address } from "../index.js";

/** A validator registered in the Subnet. */
export interface ValidatorInfo {
  operator: Address;
  /** Total stake of its pool (self + delegated). */
  stake: bigint;
  active: boolean;
  raw: Record<string, unknown>;
}
