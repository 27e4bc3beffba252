// A receipt row as the store keeps it (wire-compatible fields, plus the model's name).
import type { Hex } from "../../client/index.js";

/** One signed receipt as stored: the EIP-712 fields, the signature and the served model's name. */
export interface StoredReceipt {
  seq: bigint;
  requestId: Hex;
  modelHash: Hex;
  inputDigest: Hex;
  outputDigest: Hex;
  node: Hex;
  timestamp: bigint;
  signature: Hex;
  modelName: string;
}
