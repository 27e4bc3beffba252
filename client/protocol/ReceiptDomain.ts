// The variable part of the receipts' EIP-712 domain.
import type { Address } from "./Address.js";

/**
 * The EIP-712 domain of receipts: `{ name: "Veritensor", version: "1", chainId, verifyingContract }`
 * where `verifyingContract` is the AuditLog. Name and version are fixed, so only these two vary.
 */
export interface ReceiptDomain {
  chainId: bigint;
  verifyingContract: Address;
}
