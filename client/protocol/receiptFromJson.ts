// Parses and validates a signed receipt from its JSON wire form.
import { ReceiptFormatError } from "../errors/ReceiptFormatError.js";
import type { Hex } from "./Hex.js";
import type { SignedReceipt } from "./SignedReceipt.js";
import { parseAddress } from "./internal/parseAddress.js";
import { writeHexField } from "./internal/writeHexField.js";

const MAX_U64 = 0xffffffffffffffffn;
const WORD = Buffer.alloc(65);

/**
 * A {@link SignedReceipt} from its JSON form (or a JSON string of it). bytes32 fields and the
 * 65-byte signature must be 0x-hex of the right length (returned lower case); `node` an address
 * (returned EIP-55; mixed case must be a valid checksum); `seq`/`timestamp` decimal strings (safe
 * integer numbers are accepted too) in [0, 2^64-1]. Unknown fields are ignored. Throws
 * {@link ReceiptFormatError} naming the bad field. The signature is not verified here.
 *
 * @example
 * const receipt = receiptFromJson(await res.json().then((b) => b.receipt));
 */
export function receiptFromJson(json: unknown): SignedReceipt {
  let j = json;
  if (typeof j === "string") {
    try {
      j = JSON.parse(j);
    } catch (e) {
      throw new ReceiptFormatError("receipt JSON does not parse", { cause: e });
    }
  }
  if (j === null || typeof j !== "object" || Array.isArray(j)) throw new ReceiptFormatError("a receipt must be a JSON object");
  const o = j as Record<string, unknown>;
  return {
    requestId: hex(o.requestId, 32, "requestId"),
    modelHash: hex(o.modelHash, 32, "modelHash"),
    inputDigest: hex(o.inputDigest, 32, "inputDigest"),
    outputDigest: hex(o.outputDigest, 32, "outputDigest"),
    node: parseAddress(o.node, "node"),
    seq: u64(o.seq, "seq"),
    timestamp: u64(o.timestamp, "timestamp"),
    signature: hex(o.signature, 65, "signature"),
  };
}

function hex(v: unknown, bytes: number, field: string): Hex {
  writeHexField(WORD, 0, v, bytes, field);
  return (v as string).toLowerCase() as Hex;
}

function u64(v: unknown, field: string): bigint {
  let b: bigint | undefined;
  if (typeof v === "string" && /^[0-9]{1,20}$/.test(v)) b = BigInt(v);
  else if (typeof v === "number" && Number.isSafeInteger(v)) b = BigInt(v);
  if (b === undefined || b < 0n || b > MAX_U64) {
    throw new ReceiptFormatError(`${field} must be a decimal string in [0, 2^64-1], got ${JSON.stringify(v) ?? String(v)}`);
  }
  return b;
}
