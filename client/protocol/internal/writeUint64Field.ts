// Writes a uint64 bigint big-endian into the low 8 bytes of an ABI word (fast path helper).
import { ReceiptFormatError } from "../../errors/ReceiptFormatError.js";

const MAX = 0xffffffffffffffffn;

/** Writes `value` big-endian at `offset` (8 bytes). Throws {@link ReceiptFormatError} unless it is a bigint in [0, 2^64-1]. */
export function writeUint64Field(buf: Buffer, offset: number, value: unknown, field: string): void {
  if (typeof value !== "bigint" || value < 0n || value > MAX) {
    throw new ReceiptFormatError(`${field} must be a bigint in [0, 2^64-1], got ${typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value)}`, {
      details: typeof value === "number" ? `pass BigInt(${value})` : undefined,
    });
  }
  buf.writeBigUInt64BE(value, offset);
}
