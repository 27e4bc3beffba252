// The EIP-712 encodeType string of the receipt, whose keccak256 is the type hash.

/** `encodeType(Receipt)` per EIP-712; `keccak256` of it is the receipt type hash that AuditLog uses too. */
export const RECEIPT_TYPE_STRING =
  "Receipt(bytes32 requestId,bytes32 modelHash,bytes32 inputDigest,bytes32 outputDigest,address node,uint64 seq,uint64 timestamp)";
