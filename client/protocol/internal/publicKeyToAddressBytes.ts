// The 20-byte Ethereum address of an uncompressed secp256k1 public key.
import { keccak256 } from "./keccak256.js";

/** Last 20 bytes of keccak256 of the 64-byte public key (the 65-byte form without its 0x04 prefix). */
export function publicKeyToAddressBytes(uncompressed: Uint8Array): Uint8Array {
  return keccak256(uncompressed.subarray(1)).subarray(12);
}
