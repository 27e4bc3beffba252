// keccak256 of the receipt's EIP-712 type string, as bytes.
import { keccak256 } from "./keccak256.js";
import { RECEIPT_TYPE_STRING } from "../RECEIPT_TYPE_STRING.js";

/** `keccak256(RECEIPT_TYPE_STRING)`. */
export const RECEIPT_TYPEHASH_BYTES: Uint8Array = keccak256(Buffer.from(RECEIPT_TYPE_STRING, "ascii"));
