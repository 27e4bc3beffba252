// The part of a batch root AuditLog stores: its high 176 bits with the low 80 bits zeroed.
import type { Hex } from "../../client/index.js";

/**
 * What `AuditLog.batchAt(...).root` holds for a batch whose full root is `root`
 * (IAuditLogExtensions.rootCommitment); the full root is in the BatchCommitted event.
 *
 * @example
 * if (rootCommitment(localRoot) !== onChain.root.toLowerCase()) throw new Error("root mismatch");
 */
export function rootCommitment(root: Hex): Hex {
  return `${root.slice(0, 46).toLowerCase()}${"0".repeat(20)}` as Hex;
}
