// Validator helpers: commit and reveal weights, finalise epochs, read epoch results.
import { hexlify, randomBytes } from "ethers";
import type { ClientContext } from "../ClientContext.js";
import { SignerRequiredError } from "../errors/SignerRequiredError.js";
import { q32 } from "../internal/q32.js";
import { sendTransaction } from "../internal/sendTransaction.js";
import { weightsCommitHash } from "./weightsCommitHash.js";

/** Weights over node slots: strictly increasing ids, u16 weights (0..65535). */
export interface Weights {
  nodeIds: number[];
  weights: number[];
}

/** Sorts by node id and checks the ranges, so a reveal cannot fail on ordering. */
function normalize(w: Weights): Weights {
  if (w.nodeIds.length !== w.weights.length) throw new RangeError("nodeIds and weights must have the same length");
  const pairs = w.nodeIds.map((id, i) => [id, w.weights[i]] as const).sort((a, b) => a[0] - b[0]);
  for (const [id, x] of pairs) {
    if (!Number.isInteger(id) || id < 0 || id > 65535) throw new RangeError(`node id ${id} is not a u16`);
    if (!Number.isInteger(x) || x < 0 || x > 65535) throw new RangeError(`weight ${x} is not a u16 (0..65535)`);
  }
  return { nodeIds: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) };
}

/**
 * Commits the hash of `weights` for the current epoch (commit window: its first `commitBlocks`
 * blocks). Keep the returned salt and weights for {@link revealWeights}.
 *
 * @example
 * const c = await client.commitWeights({ nodeIds: [0, 1, 2], weights: [65535, 60000, 0] });
 * // ... once the reveal window opens (client.epochInfo().phase === "reveal"):
 * await client.revealWeights(c);
 */
export async function commitWeights(ctx: ClientContext, w: Weights, salt: string = hexlify(randomBytes(32))): Promise<Weights & { salt: string; epoch: bigint; txHash: string }> {
  if (!ctx.signer) throw new SignerRequiredError("commitWeights");
  const n = normalize(w);
  const me = await ctx.signer.getAddress();
  const epoch = BigInt(await ctx.contracts.subnet.currentEpoch({ blockTag: "pending" }));
  const tx = await sendTransaction(ctx, "commitWeights", ctx.contracts.subnet, "commitWeights", [weightsCommitHash(me, epoch, n.nodeIds, n.weights, salt)], "Commits are accepted only in the commit window at the start of an epoch (client.epochInfo()).");
  return { ...n, salt, epoch, txHash: tx.hash };
}

/**
 * Reveals weights committed in the same epoch (reveal window: after `commitBlocks`).
 *
 * @example
 * await client.revealWeights({ nodeIds, weights, salt });
 */
export async function revealWeights(ctx: ClientContext, w: Weights & { salt: string }): Promise<{ txHash: string }> {
  const n = normalize(w);
  const tx = await sendTransaction(ctx, "revealWeights", ctx.contracts.subnet, "revealWeights", [n.nodeIds, n.weights, w.salt], "Reveal in the same epoch as the commit, after its commit window.");
  return { txHash: tx.hash };
}

/**
 * Finalises the oldest unfinalised epoch (in chunks of `maxSteps`) until it is done; anyone may.
 * Returns the epochs finalised (possibly none when no epoch is over yet).
 *
 * @example
 * await client.finalizeEpochs();
 */
export async function finalizeEpochs(ctx: ClientContext, maxSteps = 64): Promise<{ finalized: number[] }> {
  const subnet = ctx.contracts.subnet;
  const finalized: number[] = [];
  const [genesis, params] = await Promise.all([subnet.genesisBlock(), subnet.params()]);
  for (;;) {
    const [done] = await subnet.epochStatus();
    const block = await ctx.provider.getBlockNumber();
    if (block + 1 < Number(genesis) + (Number(done) + 1) * Number(params.epochLength)) return { finalized };
    for (let finished = false; !finished; ) {
      const tx = await sendTransaction(ctx, "finalizeEpoch", subnet, "finalizeEpoch", [maxSteps]);
      finished = tx.logs.some((l) => subnet.interface.parseLog({ topics: [...l.topics], data: l.data })?.name === "EpochFinalized");
    }
    finalized.push(Number(done));
  }
}

/** The results of a finalised epoch in readable units. */
export interface EpochResultsInfo {
  epoch: number;
  emission: bigint;
  nodes: { operator: string; consensus: number; incentive: number; emission: bigint }[];
  validators: { operator: string; stake: number; trust: number; dividends: number; emission: bigint }[];
}

/**
 * Results of the last finalised epoch (or as of an older block, to read history).
 *
 * @example
 * const r = await client.epochResults();
 * r.nodes.forEach((n) => console.log(n.operator, n.consensus, formatUnits(n.emission, 18)));
 */
export async function epochResults(ctx: ClientContext, p: { blockTag?: number } = {}): Promise<EpochResultsInfo> {
  const r = await ctx.contracts.subnet.epochResults(p.blockTag === undefined ? {} : { blockTag: p.blockTag });
  return {
    epoch: Number(r.epoch),
    emission: BigInt(r.emission),
    nodes: [...r.nodes].map((operator: string, i: number) => ({ operator, consensus: q32(r.consensus[i]), incentive: q32(r.incentive[i]), emission: BigInt(r.nodeEmission[i]) })),
    validators: [...r.validators].map((operator: string, i: number) => ({
      operator,
      stake: q32(r.stake[i]),
      trust: q32(r.validatorTrust[i]),
      dividends: q32(r.dividends[i]),
      emission: BigInt(r.validatorEmission[i]),
    })),
  };
}
