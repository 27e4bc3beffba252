// The receipts' EIP-712 domain, types and primary type, ready for ethers or a wallet.
import { ReceiptFormatError } from "../errors/ReceiptFormatError.js";
import type { Address } from "./Address.js";
import { RECEIPT_TYPES } from "./RECEIPT_TYPES.js";
import type { ReceiptDomain } from "./ReceiptDomain.js";

/** Return type of {@link receiptTypedData}. */
export interface ReceiptTypedData {
  domain: { name: "Veritensor"; version: "1"; chainId: bigint; verifyingContract: Address };
  types: typeof RECEIPT_TYPES;
  primaryType: "Receipt";
}

/**
 * The full EIP-712 description of receipts under `domain` (name "Veritensor", version "1").
 *
 * @example
 * const { domain: d, types } = receiptTypedData({ chainId: 31337n, verifyingContract: auditLog });
 * const sig = await wallet.signTypedData(d, types, receipt);
 */
export function receiptTypedData(domain: ReceiptDomain): ReceiptTypedData {
  if (domain === null || typeof domain !== "object") throw new ReceiptFormatError("receipt domain must be an object");
  return {
    domain: { name: "Veritensor", version: "1", chainId: BigInt(domain.chainId), verifyingContract: domain.verifyingContract },
    types: RECEIPT_TYPES,
    primaryType: "Receipt",
  };
}
