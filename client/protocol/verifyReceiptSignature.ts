// Checks that a receipt was signed by its node (or by an expected signer).
import { ReceiptSignatureError } from "../errors/ReceiptSignatureError.js";
import type { Address } from "./Address.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";
import type { SignedReceipt } from "./SignedReceipt.js";
import { domainSeparatorBytes } from "./internal/domainSeparatorBytes.js";
import { receiptStructHashBytes } from "./internal/receiptStructHashBytes.js";
import { recoverSignerBytes } from "./internal/recoverSignerBytes.js";
import { typedDataDigestBytes } from "./internal/typedDataDigestBytes.js";
import { writeHexField } from "./internal/writeHexField.js";

const EXPECTED = Buffer.alloc(20);

/**
 * Whether `r.signature` is a valid signature of `r` under `domain` by `expectedSigner` (default
 * `r.node`), like AuditLog's `isValidReceiptSignature`. A malformed or non-recovering signature gives
 * `false`; a malformed receipt field, domain or `expectedSigner` throws {@link ReceiptFormatError}.
 *
 * @example
 * if (!verifyReceiptSignature(receipt, domain)) throw new Error("forged receipt");
 */
export function verifyReceiptSignature(r: SignedReceipt, domain: ReceiptDomain, expectedSigner?: Address): boolean {
  const digest = typedDataDigestBytes(domainSeparatorBytes(domain), receiptStructHashBytes(r));
  writeHexField(EXPECTED, 0, expectedSigner ?? r.node, 20, expectedSigner === undefined ? "node" : "expectedSigner");
  let signer: Uint8Array;
  try {
    signer = recoverSignerBytes(digest, r.signature);
  } catch (e) {
    if (e instanceof ReceiptSignatureError) return false;
    throw e;
  }
  return Buffer.compare(signer, EXPECTED) === 0;
}
