// Builds the sorted-pair keccak256 Merkle tree of a batch, identical to merkletreejs { sortPairs: true }.
import { BatchTreeError } from "../errors/BatchTreeError.js";
import type { BatchTree } from "./BatchTree.js";
import type { Hex } from "./Hex.js";
import { bytesToHex } from "./internal/bytesToHex.js";
import { hashSortedPair } from "./internal/hashSortedPair.js";
import { parseBytes32 } from "./internal/parseBytes32.js";

/**
 * The Merkle tree over `leaves` (receipt struct hashes in seq order, not re-hashed), built exactly as
 * merkletreejs `new MerkleTree(leaves, keccak256, { sortPairs: true })` builds it (tests check equal
 * layers and proofs) but faster (an unrolled keccak256): each parent is `keccak256(sorted(left, right))`; an odd
 * last node is promoted to the next layer unchanged (not duplicated); one leaf is its own root with an
 * empty proof. OpenZeppelin's `MerkleProof.verify` accepts its proofs. Throws {@link BatchTreeError}
 * on no leaves or a leaf that is not bytes32 hex.
 *
 * @example
 * const tree = buildBatchTree(receipts.map(hashReceipt));
 * await auditLog.commitBatch(tree.root, firstSeq, lastSeq);
 * const proof = tree.getProof(Number(seq - firstSeq));
 */
export function buildBatchTree(leaves: readonly Hex[]): BatchTree {
  if (!Array.isArray(leaves) || leaves.length === 0) {
    throw new BatchTreeError("a batch needs at least one leaf", { details: "commit only non-empty seq ranges" });
  }
  let level: Uint8Array[] = leaves.map((l, i) => parseBytes32(l, `leaf ${i}`));
  const byteLayers: Uint8Array[][] = [level];
  while (level.length > 1) {
    const next: Uint8Array[] = new Array(Math.ceil(level.length / 2));
    for (let i = 0; i + 1 < level.length; i += 2) next[i >> 1] = hashSortedPair(level[i], level[i + 1]);
    if (level.length % 2 === 1) next[next.length - 1] = level[level.length - 1];
    byteLayers.push(next);
    level = next;
  }
  let hexLayers: Hex[][] | undefined;
  const layersHex = (): Hex[][] => (hexLayers ??= byteLayers.map((l) => l.map(bytesToHex)));
  const leafHex = byteLayers[0].map(bytesToHex);
  return {
    root: bytesToHex(level[0]),
    leaves: leafHex,
    get layers() {
      return layersHex();
    },
    getProof(index: number): Hex[] {
      if (!Number.isSafeInteger(index) || index < 0 || index >= leafHex.length) {
        throw new BatchTreeError(`leaf index ${index} is outside the batch (0..${leafHex.length - 1})`, {
          details: "the index is seq - firstSeq",
        });
      }
      const proof: Hex[] = [];
      let i = index;
      for (let d = 0; d < byteLayers.length - 1; d++) {
        const layer = byteLayers[d];
        const sibling = i ^ 1;
        if (sibling < layer.length) proof.push(bytesToHex(layer[sibling]));
        i >>= 1;
      }
      return proof;
    },
  };
}
