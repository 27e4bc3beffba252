// Converts a signed receipt to its JSON wire form.
import type { ReceiptJson } from "./ReceiptJson.js";
import type { SignedReceipt } from "./SignedReceipt.js";

/**
 * The JSON wire form of a signed receipt: hex strings as they are, `seq` and `timestamp` as decimal
 * strings. Does not validate (receiptFromJson does on the way in).
 *
 * @example
 * res.setHeader("x-veritensor-receipt", JSON.stringify(receiptToJson(receipt)))
 */
export function receiptToJson(r: SignedReceipt): ReceiptJson {
  return {
    requestId: r.requestId,
    modelHash: r.modelHash,
    inputDigest: r.inputDigest,
    outputDigest: r.outputDigest,
    node: r.node,
    seq: r.seq.toString(),
    timestamp: r.timestamp.toString(),
    signature: r.signature,
  };
}
