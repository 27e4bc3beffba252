// A batch row: a seq range, its Merkle root and where its commit transaction stands.
import type { Hex } from "../../client/index.js";

/** `sending`: cut and (maybe) submitted, not yet seen on-chain; `committed`: included on-chain. */
export type BatchStatus = "sending" | "committed";

/** One batch of consecutive receipts and its commit state. */
export interface StoredBatch {
  firstSeq: bigint;
  lastSeq: bigint;
  root: Hex;
  status: BatchStatus;
  /** Index in AuditLog.batchAt(node, i), once committed. */
  batchIndex?: bigint;
  txHash?: Hex;
  createdMs: number;
  committedMs?: number;
}
