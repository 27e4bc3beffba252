// The EIP-712 domain separator of receipts under a domain, as hex.
import type { Hex } from "./Hex.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";
import { bytesToHex } from "./internal/bytesToHex.js";
import { domainSeparatorBytes } from "./internal/domainSeparatorBytes.js";

/**
 * The EIP-712 domain separator for `{ name: "Veritensor", version: "1", chainId, verifyingContract }`
 * (equals the AuditLog's `_domainSeparatorV4()`). Cached per domain.
 *
 * @example
 * receiptDomainSeparator({ chainId: 31337n, verifyingContract: auditLog })
 */
export function receiptDomainSeparator(domain: ReceiptDomain): Hex {
  return bytesToHex(domainSeparatorBytes(domain));
}
