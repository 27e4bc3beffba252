// A receipt with the node's EIP-712 signature.
import type { Hex } from "./Hex.js";
import type { Receipt } from "./Receipt.js";

/** A {@link Receipt} with its signature: 65 bytes `r ‖ s ‖ v` as hex, `v` 27 or 28, `s` in the lower half order. */
export interface SignedReceipt extends Receipt {
  signature: Hex;
}
