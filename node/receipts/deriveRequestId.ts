// The receipt's requestId: unique per node because it binds the node's address and the receipt's seq.
import { createHash, hash } from "node:crypto";
import type { Hex } from "../../client/index.js";

/** Reused `node ‖ seq` buffer (20 + 8 bytes); the node part is rewritten only when the address changes. */
const PREFIX = Buffer.alloc(28);
let prefixNode = "";

/**
 * `requestId = sha256(node address (20 bytes) ‖ seq (8 bytes, big-endian) ‖ utf8(client id))`.
 * Unique per node (seq never repeats) and tied to the id the client sent, if any.
 *
 * @example
 * const requestId = deriveRequestId(signer.address, 7n, "my-request-42");
 */
export function deriveRequestId(node: Hex, seq: bigint, clientId: string | undefined): Hex {
  if (node !== prefixNode) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(node)) throw new Error(`node address must be 20 bytes of 0x-hex, got ${String(node).slice(0, 60)}`);
    PREFIX.write(node.slice(2), 0, "hex");
    prefixNode = node;
  }
  PREFIX.writeBigUInt64BE(seq, 20);
  if (!clientId) return `0x${hash("sha256", PREFIX, "hex")}` as Hex;
  return `0x${createHash("sha256").update(PREFIX).update(clientId, "utf8").digest("hex")}` as Hex;
}
