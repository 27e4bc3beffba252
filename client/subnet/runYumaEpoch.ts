// Exact TypeScript reference of the Subnet contract's Yuma epoch (validators x nodes, Q32.32 bigint).
import { Q32 } from "./Q32.js";
import { weightedMedian } from "./weightedMedian.js";

/** Inputs of one epoch. Raw integers exactly as the contract holds them. */
export type RunYumaEpochParameters = {
  /** Pool stake (wei) per validator slot; 0 for empty, jailed or under-staked slots (they take no part). */
  stake: bigint[];
  /** Per validator slot, u16 weights over all node slots as stored after the reveal masks, or null (no reveal). */
  weights: (number[] | null)[];
  /** Whether the validator's stake counts as active. The contract uses `weights[v] !== null`; default likewise. */
  active?: boolean[];
  /** Stored u16 bonds [validator][node] as the epoch reads them (0 where masked); rows of stake-0 slots are ignored. */
  bonds: number[][];
  /** Number of node slots. */
  nodes: number;
  /** Node slots paid this epoch (registered, staked, not jailed); default all. */
  nodeEligible?: boolean[];
  /** Consensus majority, Q32.32 raw (2^31 = 0.5). */
  kappa: bigint;
  /** Bonds moving average in ppm (900000 gives alpha 0.1). */
  bondsMovingAverage: bigint;
  /** Wei minted for the epoch. */
  emission: bigint;
  /** Emission split in basis points; the owner gets the rest. */
  nodesBps: number;
  validatorsBps: number;
};

/** Outputs of one epoch; Q32.32 raw values unless noted. */
export type RunYumaEpochReturnType = {
  stake: bigint[];
  activeStake: bigint[];
  consensus: bigint[];
  rank: bigint[];
  incentive: bigint[];
  validatorTrust: bigint[];
  dividends: bigint[];
  /** New u16 bonds [validator][node] (column max-upscaled). */
  bonds: number[][];
  /** Wei credited per node / validator slot. */
  nodeReward: bigint[];
  validatorReward: bigint[];
  ownerAmount: bigint;
  burned: bigint;
};

/**
 * Runs the epoch exactly as `Subnet.finalizeEpoch` does: normalised stake, active stake, row-normalised weights,
 * stake-weighted median consensus, clipping, rank and incentive, EMA bonds (column-normalised before and after),
 * dividends, and the emission split. One departure from subtensor: dividends sum bonds times rank, not bonds times
 * incentive (incentive = rank / rank sum, which the contract only knows after its single pass over the node columns);
 * dividends are then normalised, so the two differ only in rounding (subtensor's own vectors still match).
 * @example
 * const out = runYumaEpoch({ stake: [10n], weights: [[65535]], bonds: [[0]], nodes: 1, kappa: 1n << 31n,
 *   bondsMovingAverage: 900000n, emission: 1000n, nodesBps: 4100, validatorsBps: 4100 });
 * out.nodeReward // [410n]
 */
export function runYumaEpoch(p: RunYumaEpochParameters): RunYumaEpochReturnType {
  const V = p.stake.length;
  const N = p.nodes;
  const prop = Q32.proportions(p.stake);
  const rows: number[] = [];
  for (let v = 0; v < V; v++) if (p.stake[v] > 0n && p.weights[v]) rows.push(v);
  const isActive = (v: number) => (p.active ? p.active[v] : p.weights[v] !== null) && p.stake[v] > 0n;
  const act = prop.map((s, v) => (isActive(v) ? s : 0n));
  const actSum = Q32.normalize(act);
  const use = act.slice();
  let useTotal = 0n;
  if (actSum !== 0n) {
    Q32.normalize(use);
    useTotal = use.reduce((a, b) => a + b, 0n);
  }
  const minority = useTotal - p.kappa;
  const rowSum = p.weights.map((w) => (w ? w.reduce((a, b) => a + BigInt(b), 0n) : 0n));
  const wn = (v: number, j: number): bigint => {
    const row = p.weights[v];
    const x = BigInt(row ? (row[j] ?? 0) : 0);
    return x === 0n ? 0n : (x << 32n) / rowSum[v];
  };

  const consensus: bigint[] = new Array(N).fill(0n);
  const rank: bigint[] = new Array(N).fill(0n);
  // Every row with active stake votes in the median (a row without weights votes 0), as in subtensor.
  const medRows = use.map((_, v) => v).filter((v) => use[v] > 0n);
  for (let j = 0; j < N; j++) {
    const c = weightedMedian(
      medRows.map((v) => use[v]),
      medRows.map((v) => wn(v, j)),
      minority,
      useTotal,
    );
    consensus[j] = c;
    let r = 0n;
    for (const v of rows) {
      const x = wn(v, j);
      r += Q32.mul(x < c ? x : c, act[v]);
    }
    rank[j] = r;
  }
  const rankSum = rank.reduce((a, b) => a + b, 0n);

  const alpha = Q32.emaAlpha(p.bondsMovingAverage);
  const oneMinusAlpha = Q32.ONE - alpha;
  const nodePortion = (p.emission * BigInt(p.nodesBps)) / 10_000n;
  const validatorPortion = (p.emission * BigInt(p.validatorsBps)) / 10_000n;
  const incentive: bigint[] = new Array(N).fill(0n);
  const trust: bigint[] = new Array(V).fill(0n);
  const div: bigint[] = new Array(V).fill(0n);
  const bonds: number[][] = Array.from({ length: V }, () => new Array(N).fill(0));
  const nodeReward: bigint[] = new Array(N).fill(0n);
  for (let j = 0; j < N; j++) {
    const inc = rankSum === 0n ? 0n : (rank[j] << 32n) / rankSum;
    incentive[j] = inc;
    const c = consensus[j];
    const db: bigint[] = new Array(V).fill(0n);
    let dbSum = 0n;
    for (const v of rows) {
      let x = wn(v, j);
      if (x > c) x = c;
      trust[v] += x;
      db[v] = Q32.mul(x, act[v]);
      dbSum += db[v];
    }
    const u = p.stake.map((s, v) => (s > 0n ? BigInt(p.bonds[v]?.[j] ?? 0) : 0n));
    const uSum = u.reduce((a, b) => a + b, 0n);
    const e = u.map((uv, v) => {
      const b = uSum === 0n ? 0n : (uv << 32n) / uSum;
      const d = dbSum === 0n ? 0n : (db[v] << 32n) / dbSum;
      return Q32.mul(alpha, d) + Q32.mul(oneMinusAlpha, b);
    });
    const eSum = e.reduce((a, b) => a + b, 0n);
    let maxB = 0n;
    const bp = e.map((x) => (eSum === 0n ? 0n : (x << 32n) / eSum));
    for (let v = 0; v < V; v++) {
      div[v] += Q32.mul(bp[v], rank[j]); // bonds times rank (see the doc comment above)
      if (bp[v] > maxB) maxB = bp[v];
    }
    for (let v = 0; v < V; v++) bonds[v][j] = maxB === 0n ? 0 : Q32.toU16((bp[v] << 32n) / maxB);
    if (inc !== 0n && (p.nodeEligible ? p.nodeEligible[j] : true)) nodeReward[j] = (inc * nodePortion) >> 32n;
  }

  const dividends = div.slice();
  Q32.normalize(dividends);
  let share = dividends;
  let portion = validatorPortion;
  if (rankSum === 0n) {
    portion += nodePortion;
    share = act.some((x) => x !== 0n) ? act : prop;
  }
  const validatorReward = share.map((s, v) => (p.stake[v] > 0n ? (s * portion) >> 32n : 0n));
  const paid = [...nodeReward, ...validatorReward].reduce((a, b) => a + b, 0n);
  const ownerAmount = p.emission - nodePortion - validatorPortion;
  return {
    stake: prop,
    activeStake: act,
    consensus,
    rank,
    incentive,
    validatorTrust: trust,
    dividends,
    bonds,
    nodeReward,
    validatorReward,
    ownerAmount,
    burned: p.emission - ownerAmount - paid,
  };
}
