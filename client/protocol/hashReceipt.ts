// The receipt's EIP-712 struct hash, which is also its Merkle leaf.
import type { Hex } from "./Hex.js";
import type { Receipt } from "./Receipt.js";
import { bytesToHex } from "./internal/bytesToHex.js";
import { receiptStructHashBytes } from "./internal/receiptStructHashBytes.js";

/**
 * EIP-712 `hashStruct(receipt)`: keccak256 of the type hash and the seven fields as ABI words
 * (equals ethers' `TypedDataEncoder.hashStruct("Receipt", RECEIPT_TYPES, r)` and AuditLog's
 * `hashReceipt`). This is the receipt's leaf in its batch's Merkle tree. Throws
 * {@link ReceiptFormatError} on a malformed field. A few us (direct word encoding, unrolled keccak256, no ABI coder).
 *
 * @example
 * const leaves = receipts.map(hashReceipt);
 */
export function hashReceipt(r: Receipt): Hex {
  return bytesToHex(receiptStructHashBytes(r));
}
