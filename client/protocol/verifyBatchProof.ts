// Checks a Merkle proof of a leaf against a batch root, as OpenZeppelin's MerkleProof.verify does.
import { BatchTreeError } from "../errors/BatchTreeError.js";
import type { Hex } from "./Hex.js";
import { hashSortedPair } from "./internal/hashSortedPair.js";
import { parseBytes32 } from "./internal/parseBytes32.js";

/**
 * Whether folding `proof` onto `leaf` with the sorted-pair keccak256 hash gives `root`, exactly
 * OpenZeppelin's `MerkleProof.verify(proof, root, leaf)`. Throws {@link BatchTreeError} if `leaf`,
 * `root` or a proof element is not bytes32 hex.
 *
 * @example
 * verifyBatchProof(hashReceipt(receipt), proof, batch.root) // true
 */
export function verifyBatchProof(leaf: Hex, proof: readonly Hex[], root: Hex): boolean {
  if (!Array.isArray(proof)) throw new BatchTreeError("proof must be an array of bytes32 hex strings");
  let node: Uint8Array = parseBytes32(leaf, "leaf");
  const want = parseBytes32(root, "root");
  for (let i = 0; i < proof.length; i++) node = hashSortedPair(node, parseBytes32(proof[i], `proof[${i}]`));
  return Buffer.compare(node, want) === 0;
}
