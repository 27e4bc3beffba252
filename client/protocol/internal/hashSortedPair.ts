// keccak256 of two 32-byte nodes in ascending byte order (OpenZeppelin MerkleProof's commutative hash).
import { keccak256 } from "./keccak256.js";

const PAIR = Buffer.alloc(64);

/** `keccak256(min(a, b) ‖ max(a, b))`, bytes compared lexicographically. */
export function hashSortedPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (Buffer.compare(a, b) <= 0) {
    PAIR.set(a, 0);
    PAIR.set(b, 32);
  } else {
    PAIR.set(b, 0);
    PAIR.set(a, 32);
  }
  return keccak256(PAIR);
}
