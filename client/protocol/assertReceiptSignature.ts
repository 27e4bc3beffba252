// Throws unless a receipt was signed by its node (or by an expected signer); the throwing twin of verifyReceiptSignature.
import { ReceiptSignatureMismatchError } from "../errors/ReceiptSignatureMismatchError.js";
import type { Address } from "./Address.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";
import type { SignedReceipt } from "./SignedReceipt.js";
import { parseAddress } from "./internal/parseAddress.js";
import { recoverReceiptSigner } from "./recoverReceiptSigner.js";

/**
 * Returns the signer's address when `r.signature` is `expectedSigner`'s (default `r.node`) signature of
 * `r` under `domain`. Throws {@link ReceiptSignatureError} for a malformed signature,
 * {@link ReceiptSignatureMismatchError} (with both addresses) for another signer, and
 * {@link ReceiptFormatError} for a malformed receipt field.
 *
 * @example
 * const node = assertReceiptSignature(receipt, domain); // throws with a reason instead of returning false
 */
export function assertReceiptSignature(r: SignedReceipt, domain: ReceiptDomain, expectedSigner?: Address): Address {
  const expected = parseAddress(expectedSigner ?? r.node, expectedSigner === undefined ? "node" : "expectedSigner");
  const recovered = recoverReceiptSigner(r, domain);
  if (recovered !== expected) throw new ReceiptSignatureMismatchError(recovered, expected);
  return recovered;
}
