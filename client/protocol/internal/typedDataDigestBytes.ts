// keccak256("\x19\x01" ‖ domainSeparator ‖ structHash): the EIP-712 hash that is signed.
import { keccak256 } from "./keccak256.js";

const SCRATCH = Buffer.alloc(66);
SCRATCH[0] = 0x19;
SCRATCH[1] = 0x01;

/** The EIP-712 signing hash of a struct hash under a domain separator. */
export function typedDataDigestBytes(domainSeparator: Uint8Array, structHash: Uint8Array): Uint8Array {
  SCRATCH.set(domainSeparator, 2);
  SCRATCH.set(structHash, 34);
  return keccak256(SCRATCH);
}
