// Committee draw: stake-weighted sampling without replacement, exclusions, statistics over pinned seeds.
import { expect } from "chai";
import { network } from "hardhat";
import { id as idHash } from "ethers";
import { deployDisputes, VALIDATOR_STAKES, WAD } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers } = conn;
const fixture = () => deployDisputes(conn);

/** Pinned seeds: keccak256("committee-seed-<i>"). */
const seeds = (n: number) => Array.from({ length: n }, (_, i) => idHash(`committee-seed-${i}`));

/** Exact probability that each item is among `k` drawn without replacement, each pick proportional to weight. */
function inclusionProbabilities(weights: number[], k: number): number[] {
  const p = weights.map(() => 0);
  const walk = (left: number[], prob: number, depth: number) => {
    if (depth === k) return;
    const total = left.reduce((s, i) => s + weights[i], 0);
    for (const i of left) {
      const q = (prob * weights[i]) / total;
      p[i] += q;
      walk(left.filter((j) => j !== i), q, depth + 1);
    }
  };
  walk(weights.map((_, i) => i), 1, 0);
  return p;
}

/** Runs `sampleCommittee` for every seed, in parallel chunks of eth_calls. */
async function sampleAll(
  f: Awaited<ReturnType<typeof fixture>>,
  list: string[],
  excluded: string[],
  size: bigint,
): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200).map((s) => f.challenges.sampleCommittee(s, excluded, size));
    out.push(...(await Promise.all(chunk)));
  }
  return out;
}

describe("Challenges: committee selection", () => {
  it("draws single members with probability proportional to stake (chi-square, 3000 pinned seeds)", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const draws = await sampleAll(f, seeds(3000), [f.challenger.address], 1n);
    const counts = f.validators.map((v) => draws.filter((d) => d[0] === v.address).length);
    expect(counts.reduce((a, b) => a + b, 0)).to.equal(3000);
    const total = VALIDATOR_STAKES.reduce((a, b) => a + b, 0n);
    const chi2 = counts.reduce((s, c, i) => {
      const e = (3000 * Number(VALIDATOR_STAKES[i])) / Number(total);
      return s + (c - e) ** 2 / e;
    }, 0);
    // 5 degrees of freedom: P(chi2 > 20.52) = 0.001 for a correct sampler; a uniform one scores > 1000 here.
    expect(chi2).to.be.lessThan(20.52);
  });

  it("draws K distinct members without replacement with the exact inclusion probabilities", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const n = 1500;
    const draws = await sampleAll(f, seeds(n), [f.challenger.address], 3n);
    for (const d of draws) {
      expect(d.length).to.equal(3);
      expect(new Set(d).size).to.equal(3);
      expect(d).not.to.include(f.challenger.address);
    }
    const p = inclusionProbabilities(VALIDATOR_STAKES.map((s) => Number(s / WAD)), 3);
    expect(Math.abs(p.reduce((a, b) => a + b, 0) - 3)).to.be.lessThan(1e-9);
    f.validators.forEach((v, i) => {
      const c = draws.filter((d) => d.includes(v.address)).length;
      const sd = Math.sqrt(n * p[i] * (1 - p[i]));
      expect(Math.abs(c - n * p[i]), `validator ${i}: ${c} vs ${n * p[i]}`).to.be.lessThan(4 * sd);
    });
  });

  it("never draws excluded or zero-stake validators, counts a repeated entry once, and caps at the eligible count", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const [v0, v1, v2, v3] = f.validators;
    await f.subnet.setValidators(
      [f.challenger.address, v0.address, v1.address, v2.address, v3.address, v3.address],
      [WAD, WAD, 0n, WAD, WAD, WAD],
    );
    for (const seed of seeds(50)) {
      const d = await f.challenges.sampleCommittee(seed, [f.challenger.address, v0.address], 10n);
      expect([...d].sort()).to.deep.equal([v2.address, v3.address].sort());
    }
    expect(await f.challenges.sampleCommittee(idHash("x"), [f.challenger.address, v0.address, v2.address, v3.address], 3n)).to.deep.equal([]);
  });

  it("is deterministic in the seed", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const a = await f.challenges.sampleCommittee(idHash("pinned"), [], 4n);
    expect(await f.challenges.sampleCommittee(idHash("pinned"), [], 4n)).to.deep.equal(a);
    expect(a.length).to.equal(4);
  });
});
