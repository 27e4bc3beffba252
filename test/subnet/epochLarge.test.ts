// The Subnet epoch equals the TypeScript reference exactly on larger subnets: many validators (the histogram
// weighted median, >= 24 entries per column) and several 16-column groups, over consecutive epochs (EMA bonds).
import { expect } from "chai";
import { network } from "hardhat";
import { runYumaEpoch } from "../../client/subnet/index.js";
import { commitHashOf, defaultParams, deploySubnet, fundedWallets, fundStakers, mineTo, registerNodes, registerValidators } from "./helpers.js";
import { prng } from "./prng.js";
import { expectEpochResults } from "./expectEpochResults.js";

const { ethers } = await network.create();
const E18 = 10n ** 18n;
const GAS = { gasLimit: 16_000_000n };
const V = 40;
const N = 40;
const EPOCHS = 3;

/** One validator's weights for one epoch; the column style varies so medians see ties, clusters and zeros. */
function weightsOf(r: ReturnType<typeof prng>, v: number, epoch: number): number[] {
  return Array.from({ length: N }, (_, j) => {
    const style = (j + epoch) % 5;
    if (style === 0) return 1 + r.int(65535); // dense random
    if (style === 1) return r.chance(0.5) ? 65535 : 1000; // heavy ties
    if (style === 2) return r.chance(0.6) ? 0 : 1 + r.int(100); // sparse, small
    if (style === 3) return 30000 + (v % 3) * 100; // three clusters
    return v < 5 ? 65535 : r.int(3); // a few large outliers
  });
}

describe("Subnet epoch vs reference on larger subnets", () => {
  it(`agrees exactly at ${V} validators x ${N} nodes over ${EPOCHS} epochs`, async () => {
    const r = prng(4242);
    const [owner] = await ethers.getSigners();
    const params = defaultParams({ epochLength: 200n, commitBlocks: 100n, maxNodes: N, maxValidators: V, kappa: 1n << 31n });
    const { token, subnet } = await deploySubnet(ethers, owner, params);
    const ops = await fundedWallets(ethers, V + N, 77);
    const keys = await fundedWallets(ethers, N, 78);
    await fundStakers(token, subnet, ops, 1000n * E18, GAS);
    const listing = { endpoint: "http://n", pricePerInference: 1n, region: "r", energySource: "e", carbonIntensity: 1 };
    await registerNodes(subnet, ops.slice(V), keys.map((k) => k.address), listing, () => E18 + r.big(0n, 5n * E18), GAS);
    await registerValidators(subnet, ops.slice(0, V), () => r.big(10n * E18, 300n * E18), GAS);
    const genesis: bigint = await subnet.genesisBlock();
    const L = params.epochLength as bigint;
    const C = params.commitBlocks as bigint;
    const salt = "0x" + "cd".repeat(32);
    let checked = 0;
    for (let round = 0; round < EPOCHS; round++) {
      const e: bigint = (await subnet.currentEpoch()) + 1n;
      await mineTo(ethers, genesis + e * L);
      for (;;) {
        const [done] = await subnet.epochStatus();
        if (done >= e) break;
        await subnet.finalizeEpoch(100, GAS);
      }
      const ids = Array.from({ length: N }, (_, j) => j);
      const rows: (number[] | null)[] = [];
      for (let v = 0; v < V; v++) {
        // A few validators skip the epoch (not active: their stake is out of the median).
        if (r.chance(0.1)) {
          rows.push(null);
          continue;
        }
        rows.push(weightsOf(r, v, round));
        await (subnet.connect(ops[v]) as any).commitWeights(commitHashOf(ops[v].address, e, ids, rows[v]!, salt), GAS);
      }
      await mineTo(ethers, genesis + e * L + C);
      for (let v = 0; v < V; v++) if (rows[v]) await (subnet.connect(ops[v]) as any).revealWeights(ids, rows[v], salt, GAS);
      await mineTo(ethers, genesis + (e + 1n) * L);
      const stake: bigint[] = [];
      for (let v = 0; v < V; v++) stake.push((await subnet.pool(ops[v].address)).stake);
      const bonds = ((await subnet.bonds()) as bigint[][]).map((row) => row.map(Number));
      const p = await subnet.params();
      const ref = runYumaEpoch({
        stake, weights: rows, bonds, nodes: N, kappa: p.kappa, bondsMovingAverage: p.bondsMovingAverage,
        emission: p.emissionPerEpoch, nodesBps: Number(p.nodesBps), validatorsBps: Number(p.validatorsBps),
      });
      for (;;) {
        await subnet.finalizeEpoch(1 + r.int(4), GAS);
        const [done, busy] = await subnet.epochStatus();
        if (done > e && !busy) break;
      }
      const res = await subnet.epochResults();
      const ctx = `epoch ${e}`;
      expectEpochResults(res, ref, ctx);
      expect(res.nodeEmission.map(BigInt), ctx).to.deep.equal(ref.nodeReward);
      expect(((await subnet.bonds()) as bigint[][]).map((row) => row.map(Number)), ctx).to.deep.equal(ref.bonds);
      expect(ref.consensus.filter((c) => c > 0n).length, ctx).to.be.greaterThan(N / 2);
      checked++;
    }
    expect(checked).to.equal(EPOCHS);
  });
});
