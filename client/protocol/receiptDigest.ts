// The EIP-712 hash a node signs for a receipt.
import type { Hex } from "./Hex.js";
import type { Receipt } from "./Receipt.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";
import { bytesToHex } from "./internal/bytesToHex.js";
import { domainSeparatorBytes } from "./internal/domainSeparatorBytes.js";
import { receiptStructHashBytes } from "./internal/receiptStructHashBytes.js";
import { typedDataDigestBytes } from "./internal/typedDataDigestBytes.js";

/**
 * `keccak256("\x19\x01" ‖ domainSeparator ‖ hashReceipt(r))`, the hash the node signs (equals ethers'
 * `TypedDataEncoder.hash(domain, RECEIPT_TYPES, r)` and AuditLog's `receiptDigest`).
 *
 * @example
 * receiptDigest(receipt, { chainId: 31337n, verifyingContract: auditLog })
 */
export function receiptDigest(r: Receipt, domain: ReceiptDomain): Hex {
  const sep = domainSeparatorBytes(domain);
  return bytesToHex(typedDataDigestBytes(sep, receiptStructHashBytes(r)));
}
