// The Solidity weighted median (YumaMath) equals the TypeScript reference (subtensor's algorithm) on random inputs.
import { expect } from "chai";
import { network } from "hardhat";
import { weightedMedian } from "../../client/subnet/index.js";
import { prng } from "./prng.js";

const { ethers } = await network.create();

describe("YumaMath.weightedMedian vs reference", () => {
  it("agrees on 2000 random columns: ties, clusters, outliers, zero scores, kappa edges", async () => {
    const h: any = await ethers.deployContract("YumaMathHarness");
    const r = prng(4242);
    const ONE = 1n << 32n;
    for (let batch = 0; batch < 20; batch++) {
      const scores: bigint[][] = [];
      const stakes: bigint[][] = [];
      const minority: bigint[] = [];
      const total: bigint[] = [];
      for (let c = 0; c < 100; c++) {
        const n = r.chance(0.1) ? r.int(3) : 1 + r.int(r.chance(0.5) ? 8 : 128);
        const style = r.int(5);
        const base = r.big(0n, ONE);
        const sc = Array.from({ length: n }, () => {
          if (style === 0) return r.big(0n, ONE); // spread
          if (style === 1) return BigInt(r.int(4)) * (ONE / 3n); // heavy ties
          if (style === 2) return r.chance(0.05) ? ONE : r.big(0n, 1000n); // cluster + outlier
          if (style === 3) return r.chance(0.5) ? 0n : base; // two values
          return base + r.big(0n, 70n); // narrow range (many per bucket)
        });
        const st = Array.from({ length: n }, () => (r.chance(0.1) ? r.big(1n, 10n) : r.big(1n, ONE)));
        const sum = st.reduce((a, b) => a + b, 0n);
        const kappa = r.pick([0n, 1n, ONE / 2n, ONE / 2n - 1n, ONE / 2n + 1n, r.big(0n, ONE), ONE, sum, sum + 1n]);
        scores.push(sc);
        stakes.push(st);
        minority.push(sum - kappa);
        total.push(sum);
      }
      const got: bigint[] = await h.weightedMedianBatch(scores, stakes, minority, total);
      got.forEach((g, c) => expect(g, `batch ${batch} column ${c}`).to.equal(weightedMedian(stakes[c], scores[c], minority[c], total[c])));
    }
  });
});
