// What createReceiptSigner returns: the node's address and its fast signing functions.
import type { Address } from "./Address.js";
import type { Hex } from "./Hex.js";
import type { Receipt } from "./Receipt.js";
import type { SignedReceipt } from "./SignedReceipt.js";

/** A node's receipt signer bound to one key and one domain (see {@link createReceiptSigner}). */
export interface ReceiptSigner {
  /** The signing key's EIP-55 address; it becomes every receipt's `node`. */
  readonly address: Address;
  /** Fills in `node` and signs. If `r.node` is given it must equal `address`. */
  sign(r: Omit<Receipt, "node"> & { node?: Address }): SignedReceipt;
  /** Like `sign`, also returning the struct hash (Merkle leaf) and the signed digest, at no extra cost. */
  signWithLeaf(r: Omit<Receipt, "node"> & { node?: Address }): { receipt: SignedReceipt; leaf: Hex; digest: Hex };
}
