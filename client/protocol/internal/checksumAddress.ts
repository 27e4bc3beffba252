// EIP-55 checksum of a 20-byte address.
import { keccak256 } from "./keccak256.js";
import type { Address } from "../Address.js";

/** The EIP-55 mixed-case form of the 20-byte address `bytes`. */
export function checksumAddress(bytes: Uint8Array): Address {
  const lower = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
  const hash = keccak256(Buffer.from(lower, "ascii"));
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    const c = lower[i];
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += c >= "a" && nibble >= 8 ? c.toUpperCase() : c;
  }
  return out as Address;
}
