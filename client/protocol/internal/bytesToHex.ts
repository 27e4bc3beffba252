// Lower-case 0x-hex of bytes.
import type { Hex } from "../Hex.js";

/** `0x` + lower-case hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): Hex {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}
