// The EIP-712 types of the receipt, in the form ethers' signTypedData takes.

/**
 * EIP-712 types of {@link Receipt} for ethers (`TypedDataEncoder`, `Wallet.signTypedData`); the
 * EIP712Domain type is implied by the domain object.
 *
 * @example
 * await wallet.signTypedData(receiptTypedData(domain).domain, RECEIPT_TYPES, receipt)
 */
export const RECEIPT_TYPES = Object.freeze({
  Receipt: Object.freeze([
    { name: "requestId", type: "bytes32" },
    { name: "modelHash", type: "bytes32" },
    { name: "inputDigest", type: "bytes32" },
    { name: "outputDigest", type: "bytes32" },
    { name: "node", type: "address" },
    { name: "seq", type: "uint64" },
    { name: "timestamp", type: "uint64" },
  ]),
}) as unknown as Record<string, Array<{ name: string; type: string }>>;
