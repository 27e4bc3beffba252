// Writes a fixed-length 0x-hex field into a buffer, validating it on the way (fast path helper).
import { ReceiptFormatError } from "../../errors/ReceiptFormatError.js";

/**
 * Writes `value` (`0x` + exactly 2*`bytes` hex digits) at `offset` of `buf`. Throws
 * {@link ReceiptFormatError} naming `field` when it is not such a string.
 */
export function writeHexField(buf: Buffer, offset: number, value: unknown, bytes: number, field: string): void {
  if (
    typeof value !== "string" ||
    value.length !== 2 + 2 * bytes ||
    value.charCodeAt(0) !== 48 ||
    (value.charCodeAt(1) | 32) !== 120 ||
    buf.write(value.slice(2), offset, bytes, "hex") !== bytes
  ) {
    throw new ReceiptFormatError(`${field} must be 0x followed by ${2 * bytes} hex digits, got ${preview(value)}`, {
      details: bytes === 20 ? "an address is 20 bytes" : `${field} is ${bytes} bytes`,
    });
  }
}

function preview(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v !== "string") return v === undefined ? "undefined" : JSON.stringify(v) ?? typeof v;
  return v.length > 70 ? `${JSON.stringify(v.slice(0, 67))}... (${v.length} chars)` : JSON.stringify(v);
}
