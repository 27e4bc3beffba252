// Recovers the address that signed a receipt.
import type { Address } from "./Address.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";
import type { SignedReceipt } from "./SignedReceipt.js";
import { checksumAddress } from "./internal/checksumAddress.js";
import { domainSeparatorBytes } from "./internal/domainSeparatorBytes.js";
import { receiptStructHashBytes } from "./internal/receiptStructHashBytes.js";
import { recoverSignerBytes } from "./internal/recoverSignerBytes.js";
import { typedDataDigestBytes } from "./internal/typedDataDigestBytes.js";

/**
 * The EIP-55 address whose key made `r.signature` over `receiptDigest(r, domain)`. Applies the rules
 * of OpenZeppelin's `ECDSA.recover` (v 27/28, low s, r and s in range). Throws
 * {@link ReceiptFormatError} on a malformed receipt field and {@link ReceiptSignatureError} on a
 * malformed signature. It does not compare with `r.node`: see {@link verifyReceiptSignature}.
 *
 * @example
 * recoverReceiptSigner(receipt, domain) === receipt.node
 */
export function recoverReceiptSigner(r: SignedReceipt, domain: ReceiptDomain): Address {
  const digest = typedDataDigestBytes(domainSeparatorBytes(domain), receiptStructHashBytes(r));
  return checksumAddress(recoverSignerBytes(digest, r.signature));
}
