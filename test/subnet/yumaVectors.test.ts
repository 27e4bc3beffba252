// subtensor's own Yuma test cases (/work/shared/yuma/vectors.json) run through the epoch reference that the
// Subnet contract equals exactly (see epochReference.test.ts).
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { Q32, runYumaEpoch, weightedMedian } from "../../client/subnet/index.js";

const VECTORS = process.env.YUMA_VECTORS ?? "/work/shared/yuma/vectors.json";
const data = JSON.parse(readFileSync(VECTORS, "utf8"));
const cases: any[] = data.cases;

/**
 * Why some cases are not run. Our epoch is subtensor's original-Yuma sparse epoch on a validators x nodes matrix,
 * with bonds_penalty fixed at 1 and no Yuma3 / liquid alpha; the helpers below are covered through the epoch.
 */
const SKIPPED: Record<number, string> = {
  2: "col_clip helpers: no separate function in our epoch (clipping is checked through consensus/incentive/bonds outputs)",
  3: "mat_ema_alpha: the Yuma3 / liquid-alpha EMA, which we deliberately do not implement (original Yuma bonds only)",
  4: "row/col normalise and max-upscale helpers on floats: covered through the epoch outputs, no separate functions",
  5: "vec_max_upscale_to_u16: that is set_weights' upscaling; our reveal stores the u16 weights as given",
  6: "matmul/hadamard/interpolate/is_topk helpers: covered through the epoch outputs (interpolate only with penalty 1)",
  12: "epoch_dense (the dense twin with different diagonal/clip rules) on 512 uids: we implement the sparse rules",
  17: "Yuma3 (bonds in [0,1] with liquid alpha): deliberately not implemented; we use original Yuma bonds",
};

const ONE = 1n << 32n;
const raw = (x: number) => BigInt(Math.round(x * 2 ** 32));
const kappaOf = (u16: number) => (BigInt(u16) << 32n) / 65535n;

/** subtensor's is_topk_nonzero: stable ascending sort, the n-k smallest and every zero lose the permit. */
function topk(stake: bigint[], k: number): boolean[] {
  const n = stake.length;
  const out = stake.map((s) => s > 0n);
  if (n <= k) return out;
  const idx = stake.map((_, i) => i).sort((a, b) => (stake[a] < stake[b] ? -1 : stake[a] > stake[b] ? 1 : a - b));
  for (let i = 0; i < n - k; i++) out[idx[i]] = false;
  return out;
}

const vecOf = (x: any, n: number, fill: number) => (typeof x === "string" || x === undefined ? new Array(n).fill(fill) : x);

/** Runs one subtensor epoch (n uids as both validator rows and node columns) through the reference. */
function subtensorEpoch(inp: any, st: any) {
  const n: number = inp.n;
  const stake: bigint[] = st.stake_raw.map(BigInt);
  const block: number = st.current_block;
  const lastUpdate: number[] = vecOf(st.last_update, n, typeof st.last_update === "string" ? parseInt(st.last_update) : 0);
  const reg: number[] = vecOf(st.block_at_registration, n, typeof st.block_at_registration === "string" ? parseInt(st.block_at_registration) : 0);
  const cutoff: number = inp.activity_cutoff_blocks ?? Math.max(1, Math.floor((13889 * inp.tempo) / 1000));
  const inactive = lastUpdate.map((u) => u + cutoff < block);
  const permit: boolean[] = st.permit;
  const active = permit.map((p, i) => p && !inactive[i]);
  const weights = st.weights.map((row: [number, number][], i: number) => {
    if (!permit[i]) return null;
    const dense = new Array(n).fill(0);
    for (const [j, w] of row) if (j !== i && !(lastUpdate[i] <= reg[j])) dense[j] = w;
    return dense;
  });
  const lastTempo = Math.max(0, block - inp.tempo);
  const bonds = st.bonds.map((row: number[]) => row.map((b, j) => (lastTempo <= reg[j] ? 0 : b)));
  const out = runYumaEpoch({
    stake, weights, active, bonds, nodes: n, kappa: kappaOf(inp.kappa_u16), bondsMovingAverage: BigInt(inp.bonds_moving_average),
    emission: 0n, nodesBps: 0, validatorsBps: 0,
  });
  // subtensor's emission: normalise incentive + dividends per uid; fall back to active stake, then stake.
  const combined = out.incentive.map((x, i) => x + out.dividends[i]);
  const sum = combined.reduce((a, b) => a + b, 0n);
  let norm = combined.map((c) => (sum === 0n ? 0n : (c << 32n) / sum));
  let normVal = out.dividends.map((d) => (sum === 0n ? 0n : (d << 32n) / sum));
  if (sum === 0n) {
    norm = out.activeStake.some((x) => x > 0n) ? out.activeStake : out.stake;
    normVal = norm;
  }
  const rao = BigInt(inp.rao_emission);
  const emission = norm.map((x) => (x * rao) >> 32n);
  const newPermit = topk(out.stake, inp.max_allowed_validators);
  const nextBonds = out.bonds.map((row, i) => (newPermit[i] ? row : row.map(() => 0)));
  return { out, inactive, norm, normVal, emission, newPermit, nextBonds };
}

function checkExpected(exp: Record<string, any>, r: ReturnType<typeof subtensorEpoch>, ctx: string) {
  const u16 = (x: bigint) => Q32.toU16(x);
  const idx = (spec: string) => {
    const [a, b] = spec.split("..").map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a }, (_, i) => a + i);
  };
  let checked = 0;
  for (const [key, want] of Object.entries(exp)) {
    const m = key.match(/^(\w+?)(?:_u16)?((?:\[[0-9.]+\])*)$/);
    const q32 = (name: string): bigint[] | undefined =>
      ({ consensus: r.out.consensus, validator_trust: r.out.validatorTrust, dividends: r.out.dividends, incentive: r.out.incentive,
        active_stake: r.out.activeStake, normalised_stake: r.out.stake, normalized_combined_emission: r.norm,
        normalized_validator_emission: r.normVal })[name];
    if (key.startsWith("log:") || key.startsWith("no '")) continue; // trace-log strings; the same quantities are asserted as outputs
    if (key === "inactive") { expect(r.inactive, ctx + key).to.deep.equal(want); checked++; continue; }
    if (key === "new_validator_permits") { expect(r.newPermit, ctx + key).to.deep.equal(want); checked++; continue; }
    if (key === "normalised_stake_prefix") { expect(String(Q32.toNumber(r.out.stake[0]))).to.match(new RegExp("^" + want.slice(1).replace(".", "\\."))); checked++; continue; }
    if (key === "emission" || key === "combined_emission") { expect(r.emission, ctx + key).to.deep.equal(want.map(BigInt)); checked++; continue; }
    const em = key.match(/^emission\[(\d+)\]$/);
    if (em) { expect(r.emission[Number(em[1])], ctx + key).to.equal(BigInt(want)); checked++; continue; }
    if (key === "bonds_u16_rows_0_1") { expect([r.nextBonds[0], r.nextBonds[1]], ctx + key).to.deep.equal(want); checked++; continue; }
    const bm = key.match(/^bonds_u16\[([0-9.]+)\]\[([0-9.]+)\]$/);
    if (bm) {
      const got = idx(bm[1]).flatMap((i) => idx(bm[2]).map((j) => r.nextBonds[i][j]));
      expect(got, ctx + key).to.deep.equal(Array.isArray(want) ? want : [want]);
      checked++;
      continue;
    }
    if (!m || !q32(m[1])) throw new Error(`unhandled expected key ${key}`);
    const vec = q32(m[1])!;
    const sel = m[2] ? idx(m[2].slice(1, -1)).map((i) => vec[i]) : vec;
    const wantArr = Array.isArray(want) ? want : [want];
    if (key.includes("_u16")) expect(sel.map(u16), ctx + key).to.deep.equal(wantArr);
    else expect(sel, ctx + key).to.deep.equal(wantArr.map((x: number) => raw(x)));
    checked++;
  }
  return checked;
}

describe("Yuma vectors (subtensor test cases)", () => {
  it("weighted_median: all 12 sub-cases exactly (case 0)", () => {
    for (const sc of cases[0].subcases) {
      const stake = sc.inputs.stake_bits.map(BigInt);
      const score = sc.inputs.score_bits.map(BigInt);
      const total = stake.reduce((a: bigint, b: bigint) => a + b, 0n);
      const got = weightedMedian(stake, score, ONE - BigInt(sc.inputs.majority_bits), total);
      expect(got).to.equal(BigInt(sc.expected.median_bits));
    }
  });

  it("weighted_median_col: all 6 sub-cases exactly (case 1)", () => {
    for (const sc of cases[1].subcases) {
      const stake: bigint[] = sc.inputs.stake_bits.map(BigInt);
      const use = stake.filter((s) => s > 0n);
      Q32.normalize(use);
      const total = use.reduce((a, b) => a + b, 0n);
      const rows = stake.map((s, i) => [s, i] as const).filter(([s]) => s > 0n).map(([, i]) => i);
      const got = Array.from({ length: sc.inputs.columns }, (_, c) =>
        weightedMedian(use, rows.map((i) => raw(Math.fround(sc.inputs.weights_dense[i][c]))), total - BigInt(sc.inputs.majority_bits), total),
      );
      expect(got).to.deep.equal(sc.expected.median_bits.map(BigInt));
    }
  });

  for (let k = 7; k <= 16; k++) {
    if (SKIPPED[k]) continue;
    const c = cases[k];
    it(`case ${k}: ${c.source.split("::").slice(1).join("::").slice(0, 90)}`, () => {
      let checked = 0;
      if (c.subcases) {
        for (const sc of c.subcases) {
          const inp = sc.inputs;
          const n = inp.n;
          const st = {
            ...inp, permit: inp.validator_permit_prev, weights: inp.weights_u16,
            bonds: Array.isArray(inp.bonds_prev_u16) && inp.bonds_prev_u16.some((r: any[]) => r.length) ? inp.bonds_prev_u16 : Array.from({ length: n }, () => new Array(n).fill(0)),
          };
          checked += checkExpected(sc.expected, subtensorEpoch(inp, st), `${sc.name ?? ""} `);
        }
      } else if (c.steps) {
        const inp = c.inputs;
        const n = inp.n;
        let bonds: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
        let permit: boolean[] = inp.validator_permit_prev ?? topk((inp.stake_raw ?? c.steps[0].stake_raw).map(BigInt), inp.max_allowed_validators);
        let weights: any = null;
        for (const step of c.steps) {
          if (Array.isArray(step.weights_u16)) weights = step.weights_u16;
          if (step.validator_permit_prev) permit = step.validator_permit_prev;
          const st = {
            ...inp, ...step, stake_raw: step.stake_raw ?? inp.stake_raw, block_at_registration: step.block_at_registration ?? inp.block_at_registration,
            last_update: step.last_update ?? new Array(n).fill(step.current_block), permit, weights, bonds,
          };
          const r = subtensorEpoch(inp, st);
          if (step.inactive) expect(r.inactive).to.deep.equal(step.inactive);
          checked += checkExpected(step.expected ?? {}, r, `epoch ${step.epoch ?? step.current_block} `);
          bonds = r.nextBonds;
          permit = r.newPermit;
        }
      } else {
        const inp = c.inputs;
        const n = inp.n;
        const st = {
          ...inp, permit: inp.validator_permit_prev, weights: inp.weights_u16,
          bonds: (inp.bonds_prev_u16 ?? []).length && inp.bonds_prev_u16.some((r: any[]) => r.length) ? inp.bonds_prev_u16 : Array.from({ length: n }, () => new Array(n).fill(0)),
        };
        checked += checkExpected(c.expected, subtensorEpoch(inp, st), "");
      }
      expect(checked).to.be.greaterThan(0);
    });
  }

  it("documents every case it does not run", () => {
    for (let k = 0; k < cases.length; k++) if (k > 16 || (k >= 2 && k <= 6) || k === 12) expect(SKIPPED[k], `case ${k}`).to.be.a("string");
  });
});
