// Parses a bytes32 0x-hex string for the Merkle code.
import { BatchTreeError } from "../../errors/BatchTreeError.js";

/** The 32 bytes of `value`; throws {@link BatchTreeError} naming `what` unless it is 0x + 64 hex digits. */
export function parseBytes32(value: unknown, what: string): Buffer {
  const b = Buffer.alloc(32);
  if (typeof value !== "string" || value.length !== 66 || !value.startsWith("0x") || b.write(value.slice(2), "hex") !== 32) {
    throw new BatchTreeError(`${what} must be a bytes32 as 0x + 64 hex digits, got ${JSON.stringify(value) ?? String(value)}`, {
      details: "leaves are receipt struct hashes (hashReceipt), already hashed: pass them as they are",
    });
  }
  return b;
}
