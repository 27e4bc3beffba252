// EIP-712 hashStruct of a receipt, encoded word by word into a reused buffer (the fast path).
import { keccak256 } from "./keccak256.js";
import { ReceiptFormatError } from "../../errors/ReceiptFormatError.js";
import type { Receipt } from "../Receipt.js";
import { newReceiptScratch } from "./newReceiptScratch.js";
import { writeHexField } from "./writeHexField.js";
import { writeUint64Field } from "./writeUint64Field.js";

const SCRATCH = newReceiptScratch();

/**
 * `keccak256(typeHash ‖ requestId ‖ modelHash ‖ inputDigest ‖ outputDigest ‖ pad(node) ‖ pad(seq) ‖ pad(timestamp))`.
 * With `scratch` pre-filled with the node (word 5), pass `skipNode` to leave it as is.
 */
export function receiptStructHashBytes(r: Omit<Receipt, "node"> & { node?: unknown }, scratch: Buffer = SCRATCH, skipNode = false): Uint8Array {
  if (r === null || typeof r !== "object") throw new ReceiptFormatError(`a receipt must be an object, got ${r === null ? "null" : typeof r}`);
  writeHexField(scratch, 32, r.requestId, 32, "requestId");
  writeHexField(scratch, 64, r.modelHash, 32, "modelHash");
  writeHexField(scratch, 96, r.inputDigest, 32, "inputDigest");
  writeHexField(scratch, 128, r.outputDigest, 32, "outputDigest");
  if (!skipNode) writeHexField(scratch, 172, r.node, 20, "node");
  writeUint64Field(scratch, 216, r.seq, "seq");
  writeUint64Field(scratch, 248, r.timestamp, "timestamp");
  return keccak256(scratch);
}
