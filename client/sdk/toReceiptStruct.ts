// Converts a receipt to the argument shape of IAuditLog.Receipt.
import type { Receipt } from "../index.js";

/**
 * The `IAuditLog.Receipt` tuple of a receipt, for contract calls (drops the signature).
 *
 * @example
 * await auditLog.verifyReceipt(toReceiptStruct(receipt), proof);
 */
export function toReceiptStruct(r: Receipt) {
  return {
    requestId: r.requestId,
    modelHash: r.modelHash,
    inputDigest: r.inputDigest,
    outputDigest: r.outputDigest,
    node: r.node,
    seq: r.seq,
    timestamp: r.timestamp,
  };
}
