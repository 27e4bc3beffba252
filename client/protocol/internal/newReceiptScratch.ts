// Allocates the 256-byte buffer the receipt struct is encoded into, type hash pre-filled.
import { RECEIPT_TYPEHASH_BYTES } from "./RECEIPT_TYPEHASH_BYTES.js";

/**
 * A zeroed 8-word buffer with word 0 = the receipt type hash. Words 1..7 are the fields; only the
 * significant bytes of address/uint64 words are ever written, so their padding stays zero.
 */
export function newReceiptScratch(): Buffer {
  const b = Buffer.alloc(256);
  b.set(RECEIPT_TYPEHASH_BYTES, 0);
  return b;
}
