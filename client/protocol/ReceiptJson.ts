// The JSON wire form of a signed receipt.

/**
 * A {@link SignedReceipt} as JSON: bytes32 fields, `node` and `signature` as 0x-hex strings,
 * `seq` and `timestamp` as decimal strings (uint64 does not fit a JSON number).
 */
export interface ReceiptJson {
  requestId: string;
  modelHash: string;
  inputDigest: string;
  outputDigest: string;
  node: string;
  seq: string;
  timestamp: string;
  signature: string;
  [key: string]: string | number;
}
