// Test-only hooks into the request path (used by node/cheats/** to simulate dishonest nodes). Default: none.
import type { Hex, Tensor, SignedReceipt, Receipt } from "../../client/index.js";

/** What a hook knows about the request it sees. */
export interface HookContext {
  model: string;
  modelHash: `0x${string}`;
  /** The client's request id, if it sent one. */
  clientId?: string;
  inputs: Tensor[];
}

/** What `receiptHook` decides for one signed receipt. */
export interface ReceiptHookResult {
  /** Whether the receipt is written to the store (and so later committed). False releases its seq for reuse. */
  store: boolean;
  /** The receipt to send to the client instead of the stored one (e.g. a second signature over another output). */
  respond?: SignedReceipt;
}

/**
 * Optional hooks that let tests make the node misbehave on purpose. An honest node has none.
 * Load them with the `hooksModule` config key / `--hooks <path>` flag: a module whose default export is a
 * NodeHooks object or a function `(ctx: { sign, chainId }) => NodeHooks`.
 */
export interface NodeHooks {
  /** Replaces the outputs before they are digested, signed, stored and sent (random outputs, wrong model, noise). */
  outputTransform?: (outputs: Tensor[], ctx: HookContext) => Tensor[] | Promise<Tensor[]>;
  /**
   * Sees each signed receipt before it is stored (synchronously: seq order depends on it). May drop it
   * from the store or answer with a different one (dropped receipts, double-signing). `sign` signs any
   * receipt body with the node's key.
   */
  receiptHook?: (receipt: SignedReceipt, ctx: HookContext & { sign: (r: Omit<Receipt, "node">) => SignedReceipt }) => ReceiptHookResult;
  /**
   * Sees the leaves of a batch (seq `firstSeq` onwards) before the committer builds and commits its root, and
   * may replace some (omission by committing a different leaf). The store keeps the honest receipts.
   */
  batchLeaves?: (leaves: Hex[], firstSeq: bigint) => Hex[];
}
