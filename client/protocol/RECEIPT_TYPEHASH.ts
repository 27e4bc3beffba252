// The receipt's EIP-712 type hash as hex.
import type { Hex } from "./Hex.js";
import { bytesToHex } from "./internal/bytesToHex.js";
import { RECEIPT_TYPEHASH_BYTES } from "./internal/RECEIPT_TYPEHASH_BYTES.js";

/** `keccak256(RECEIPT_TYPE_STRING)`, the first word of every receipt struct encoding. */
export const RECEIPT_TYPEHASH: Hex = bytesToHex(RECEIPT_TYPEHASH_BYTES);
