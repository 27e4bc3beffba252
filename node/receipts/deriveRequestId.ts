// The receipt's requestId: unique per node because it binds the node's address and the receipt's seq.
import { createHash } from "node:crypto";
import type { Hex } from "../../client/index.js";

/**
 * `requestId = sha256(node address (20 bytes) ‖ seq (8 bytes, big-endian) ‖ utf8(client id))`.
 * Unique per node (seq never repeats) and tied to the id the client sent, if any.
 *
 * @example
 * const requestId = deriveRequestId(signer.address, 7n, "my-request-42");
 */
export function deriveRequestId(node: Hex, seq: bigint, clientId: string | undefined): Hex {
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigUInt64BE(seq);
  const h = createHash("sha256").update(Buffer.from(node.slice(2), "hex")).update(seqBytes).update(clientId ?? "", "utf8");
  return `0x${h.digest("hex")}` as Hex;
}
