// Builds the hooks of a test-only cheating mode, refusing unless explicitly enabled on the dev chain.
import * as ort from "onnxruntime-node";
import { concat, keccak256 } from "ethers";
import type { Hex, Receipt, SignedReceipt, Tensor } from "../../client/index.js";
import { datatypeOfOrtType, ortTypeOf } from "../../client/index.js";
import type { CheatConfig } from "./CheatConfig.js";
import type { CheatStats, NodeCheats } from "./NodeCheats.js";
import { CheatsRefusedError } from "./CheatsRefusedError.js";
import { DEV_CHAIN_ID } from "./DEV_CHAIN_ID.js";
import { mulberry32 } from "../util/mulberry32.js";
import { perturbTensor } from "./perturbTensor.js";

const MODES = new Set(["random", "wrongModel", "noise", "omission", "doubleSign"]);

/**
 * Validates `config` and returns the hooks of its cheating mode (see {@link NodeCheats}). Throws
 * {@link CheatsRefusedError} unless `config.enabled === true` and `chainId` is 31337; an invalid mode, rate
 * or missing wrong-model file is refused the same way. Modes:
 * - `random`: outputs replaced by uniform noise over the honest output's magnitude range;
 * - `wrongModel`: outputs of another model with the same inputs/outputs (`wrongModelFiles[model]`);
 * - `noise`: each element moved by ±(0.5..1) x `noiseScale` x max|output| (default 0.1: >= 5% per element, 5x the
 *   default maxRelAbsError);
 * - `omission`: the answer carries a signed receipt that is never stored, so never committed (its seq is reused),
 *   or with `omission: "wrongLeaf"` the receipt is stored but another leaf is committed in its place;
 * - `doubleSign`: the answer carries a receipt re-signed with the previous receipt's seq (the honest one is stored).
 *
 * @example
 * const cheats = await createNodeCheats({ enabled: true, mode: "noise", rate: 0.1 }, { chainId: 31337n });
 */
export async function createNodeCheats(config: CheatConfig, { chainId }: { chainId: bigint }): Promise<NodeCheats> {
  if (config?.enabled !== true) throw new CheatsRefusedError("cheats.enabled is not true");
  if (BigInt(chainId) !== DEV_CHAIN_ID) throw new CheatsRefusedError(`chain id ${chainId} is not the dev chain ${DEV_CHAIN_ID}`);
  if (!MODES.has(config.mode)) throw new CheatsRefusedError(`unknown mode ${JSON.stringify(config.mode)} (expected one of ${[...MODES].join(", ")})`);
  if (config.omission !== undefined && config.omission !== "unstored" && config.omission !== "wrongLeaf")
    throw new CheatsRefusedError(`omission must be "unstored" or "wrongLeaf", got ${JSON.stringify(config.omission)}`);
  const rate = config.rate ?? 1;
  if (!(rate >= 0 && rate <= 1)) throw new CheatsRefusedError(`rate must be within [0, 1], got ${rate}`);
  const noiseScale = config.noiseScale ?? 0.1;
  if (!(noiseScale > 0 && Number.isFinite(noiseScale))) throw new CheatsRefusedError(`noiseScale must be > 0, got ${noiseScale}`);
  const rnd = mulberry32(config.seed ?? 1);
  const stats: CheatStats = { mode: config.mode, seen: 0, cheated: 0, cheatedRequestIds: [], cheatedSeqs: [] };
  const decide = () => {
    stats.seen++;
    const yes = rnd() < rate;
    if (yes) stats.cheated++;
    return yes;
  };

  const wrong = new Map<string, ort.InferenceSession>();
  if (config.mode === "wrongModel") {
    const files = Object.entries(config.wrongModelFiles ?? {});
    if (files.length === 0) throw new CheatsRefusedError("mode wrongModel needs wrongModelFiles: { <model name>: <other .onnx path> }");
    for (const [model, file] of files)
      wrong.set(model, await ort.InferenceSession.create(file, { intraOpNumThreads: 1, logSeverityLevel: 3 }));
  }

  let last: SignedReceipt | undefined;
  /** The inputs arrays of requests whose outputs were falsified (the node passes the same array to both hooks). */
  const falsified = new WeakSet<object>();

  return {
    mode: config.mode,
    async outputTransform(outputs, { model, inputs }) {
      if (config.mode !== "random" && config.mode !== "noise" && config.mode !== "wrongModel") return outputs;
      const session = wrong.get(model);
      if (config.mode === "wrongModel" && !session) return outputs;
      if (!decide()) return outputs;
      falsified.add(inputs);
      if (config.mode === "random") return outputs.map((t) => perturbTensor(t, (_v, max) => (rnd() * 2 - 1) * (max || 1)));
      if (config.mode === "noise")
        return outputs.map((t) => perturbTensor(t, (v, max) => v + (rnd() < 0.5 ? -1 : 1) * (0.5 + rnd() / 2) * noiseScale * (max || 1)));
      const feeds: Record<string, ort.Tensor> = {};
      for (const t of inputs) if (session!.inputNames.includes(t.name)) feeds[t.name] = new ort.Tensor(ortTypeOf(t.datatype) as "float32", t.data as Float32Array, t.shape);
      const result = await session!.run(feeds);
      return outputs.map((honest) => {
        const o = result[honest.name];
        if (!o) return honest;
        return { name: honest.name, datatype: datatypeOfOrtType(o.type), shape: [...o.dims], data: o.data as Float32Array } as Tensor;
      });
    },
    receiptHook(receipt, { sign, inputs }) {
      if (falsified.has(inputs)) {
        falsified.delete(inputs);
        stats.cheatedRequestIds.push(receipt.requestId);
        return { store: true };
      }
      if (config.mode === "omission" && config.omission !== "wrongLeaf") {
        if (!decide()) return { store: true };
        stats.cheatedRequestIds.push(receipt.requestId);
        stats.cheatedSeqs.push(receipt.seq);
        return { store: false, respond: receipt };
      }
      if (config.mode !== "doubleSign") return { store: true };
      const previous = last;
      last = receipt;
      if (!previous || !decide()) return { store: true };
      const { signature: _s, node: _n, ...fields } = receipt;
      const forged = sign({ ...(fields as Omit<Receipt, "node">), seq: previous.seq });
      stats.cheatedRequestIds.push(receipt.requestId);
      stats.cheatedSeqs.push(previous.seq);
      return { store: true, respond: forged };
    },
    batchLeaves(leaves, firstSeq) {
      if (config.mode !== "omission" || config.omission !== "wrongLeaf") return leaves;
      return leaves.map((leaf, i) => {
        if (!decide()) return leaf;
        stats.cheatedSeqs.push(firstSeq + BigInt(i));
        return keccak256(concat([leaf, "0x6f6d6974"])) as Hex; // leaf ‖ "omit": a leaf no receipt hashes to
      });
    },
    stats: () => ({ ...stats, cheatedRequestIds: [...stats.cheatedRequestIds], cheatedSeqs: [...stats.cheatedSeqs] }),
    async close() {
      for (const s of wrong.values()) await s.release();
      wrong.clear();
    },
  };
}
