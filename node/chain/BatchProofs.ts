// Builds (and caches) the Merkle tree of a stored batch to answer inclusion proofs.
import { buildBatchTree, hashReceipt, type Hex } from "../../client/index.js";
import type { ReceiptStore } from "../store/ReceiptStore.js";
import type { StoredBatch } from "../store/StoredBatch.js";

type Tree = ReturnType<typeof buildBatchTree>;

/**
 * Rebuilds batch trees from the store (leaves = receipts' EIP-712 struct hashes in seq order) and keeps
 * the most recent few in memory.
 *
 * @example
 * const { proof, root } = proofs.proofFor(batch, seq);
 */
export class BatchProofs {
  private readonly cache = new Map<string, Tree>();

  constructor(private readonly store: ReceiptStore, private readonly capacity = 16) {}

  /** Leaves of receipts `first..last`; throws if the store has a gap there. */
  leaves(first: bigint, last: bigint): Hex[] {
    const receipts = this.store.range(first, last);
    if (BigInt(receipts.length) !== last - first + 1n) {
      throw new Error(`receipt store has ${receipts.length} receipts in seq ${first}..${last}, expected ${last - first + 1n}`);
    }
    return receipts.map((r) => hashReceipt(r));
  }

  /** The tree of a seq range (cached). */
  tree(first: bigint, last: bigint): Tree {
    const key = `${first}-${last}`;
    let t = this.cache.get(key);
    if (!t) {
      t = buildBatchTree(this.leaves(first, last));
      this.cache.set(key, t);
      if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    }
    return t;
  }

  /** The Merkle proof of receipt `seq` in `batch`, with the tree's root. */
  proofFor(batch: StoredBatch, seq: bigint): { proof: Hex[]; root: Hex; leaf: Hex } {
    const t = this.tree(batch.firstSeq, batch.lastSeq);
    const index = Number(seq - batch.firstSeq);
    return { proof: t.getProof(index), root: t.root, leaf: t.leaves[index] };
  }
}
