// The hooks a node calls so that a test-only cheating mode can alter its outputs or receipts (node/hooks NodeHooks shape).
import type { Hex, Receipt, SignedReceipt, Tensor } from "../../client/index.js";
import type { CheatMode } from "./CheatConfig.js";
import type { NodeHooks } from "../hooks/NodeHooks.js";

/** What a cheating node did so far (tests and benchmarks read it to know the ground truth). */
export interface CheatStats {
  mode: CheatMode;
  /** Requests the cheat looked at. */
  seen: number;
  /** How many of those it cheated on. */
  cheated: number;
  /** Request ids of the requests whose outputs or receipts were falsified. */
  cheatedRequestIds: Hex[];
  /** Seqs of receipts never stored (omission) or signed twice (doubleSign). */
  cheatedSeqs: bigint[];
}

/** What a hook knows about the request (the node's HookContext). */
export interface CheatHookContext {
  model: string;
  modelHash: Hex;
  clientId?: string;
  inputs: Tensor[];
}

/**
 * The hooks of one cheating mode, in the shape of the node's `NodeHooks` (node/hooks/NodeHooks.ts), plus
 * ground-truth stats:
 * - `outputTransform` (random, wrongModel, noise): replaces the outputs before they are digested and signed,
 *   so the receipt commits to the falsified outputs and only re-execution can tell;
 * - `receiptHook` (omission, doubleSign): omission answers with a signed receipt that is never stored, so it is
 *   never committed (its seq goes to the next request: a different leaf is committed in its place);
 *   doubleSign stores the honest receipt but answers with a second one signed for the previous receipt's seq;
 * - `batchLeaves` (omission `wrongLeaf`): the receipt is stored and served, but its leaf in the committed root is
 *   replaced, so no valid inclusion proof exists.
 */
export interface NodeCheats extends NodeHooks {
  readonly mode: CheatMode;
  outputTransform(outputs: Tensor[], ctx: CheatHookContext): Promise<Tensor[]>;
  receiptHook(
    receipt: SignedReceipt,
    ctx: CheatHookContext & { sign: (r: Omit<Receipt, "node">) => SignedReceipt },
  ): { store: boolean; respond?: SignedReceipt };
  batchLeaves(leaves: Hex[], firstSeq: bigint): Hex[];
  stats(): CheatStats;
  close(): Promise<void>;
}
