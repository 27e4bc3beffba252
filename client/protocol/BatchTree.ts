// The Merkle tree of one receipt batch: root, leaves, proofs.
import type { Hex } from "./Hex.js";

/** What {@link buildBatchTree} returns. */
export interface BatchTree {
  /** The root to commit with `AuditLog.commitBatch`. */
  readonly root: Hex;
  /** The leaves in seq order (lower-case hex), as given. */
  readonly leaves: Hex[];
  /** The proof (sibling hashes, bottom up) for the leaf at `index` (0 = the batch's firstSeq). */
  getProof(index: number): Hex[];
  /** All layers, leaves first, root last (lower-case hex). */
  readonly layers: Hex[][];
}
