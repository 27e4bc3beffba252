// Every signed receipt the validator holds, by (node, seq): finds double-signs the moment a second one arrives.
import type { Hex, SignedReceipt } from "../../client/index.js";
import { hashReceipt } from "../../client/index.js";

/**
 * Receipts keyed by `node:seq`. `add` returns the earlier receipt when a different one (another struct
 * hash) arrives for the same key: two valid signatures over one seq are a provable double-sign.
 * Signatures must be verified before `add`.
 *
 * @example
 * const conflict = ledger.add(receipt);
 * if (conflict) await challenges.proveDoubleSign(conflict, receipt);
 */
export class ReceiptLedger {
  private readonly bySeq = new Map<string, { receipt: SignedReceipt; leaf: Hex }>();

  /** Keeps at most `capacity` receipts, forgetting the oldest first (a long-running daemon stays bounded). */
  constructor(private readonly capacity = 200_000) {}

  /** Records `receipt`; returns a conflicting receipt of the same (node, seq) if one is held. */
  add(receipt: SignedReceipt): SignedReceipt | undefined {
    const key = `${receipt.node.toLowerCase()}:${receipt.seq}`;
    const leaf = hashReceipt(receipt);
    const held = this.bySeq.get(key);
    if (!held) {
      this.bySeq.set(key, { receipt, leaf });
      if (this.bySeq.size > this.capacity) this.bySeq.delete(this.bySeq.keys().next().value!);
      return undefined;
    }
    return held.leaf === leaf ? undefined : held.receipt;
  }

  /** The receipt held for (node, seq), if any. */
  get(node: Hex, seq: bigint): SignedReceipt | undefined {
    return this.bySeq.get(`${node.toLowerCase()}:${seq}`)?.receipt;
  }

  get size(): number {
    return this.bySeq.size;
  }
}
