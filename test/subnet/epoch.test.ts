// Subnet weights commit-reveal, epoch finalisation (chunked), emission split, governance and result views.
import { expect } from "chai";
import { network } from "hardhat";
import { commitHashOf } from "./helpers.js";
import { E18, SALT, subnetFixture } from "./subnetFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const fixture = () => subnetFixture(conn);

describe("Subnet weights and epochs", () => {
  it("accepts commits only in the commit window from eligible validators", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = await f.nextEpoch();
    const h = commitHashOf(f.validators[0].address, e, [0], [1], SALT);
    await expect(f.as(f.validators[0]).commitWeights(h)).to.emit(f.subnet, "WeightsCommitted").withArgs(f.validators[0].address, e, h);
    await f.as(f.validators[0]).commitWeights(h); // re-commit allowed
    await expect(f.as(f.nodeOps[0]).commitWeights(h)).to.be.revertedWithCustomError(f.subnet, "SubnetNotValidator").withArgs(f.nodeOps[0].address);
    await expect(f.as(f.other).commitWeights(h)).to.be.revertedWithCustomError(f.subnet, "SubnetNotValidator");
    await expect(f.as(f.validators[0]).revealWeights([0], [1], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetNotRevealWindow").withArgs(e);
    await f.toReveal(e);
    await expect(f.as(f.validators[0]).commitWeights(h)).to.be.revertedWithCustomError(f.subnet, "SubnetNotCommitWindow").withArgs(e);
    await expect(f.as(f.validators[0]).revealWeights([0], [1], SALT)).to.emit(f.subnet, "WeightsRevealed").withArgs(f.validators[0].address, e, 1n);
  });

  it("requires epoch e-2 to be finalised before commits and reveals of epoch e", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = (await f.subnet.currentEpoch()) + 3n;
    await networkHelpers.mineUpTo(f.genesis + e * f.L);
    const [done] = await f.subnet.epochStatus();
    await expect(f.commit(f.validators[0], e, [0], [1])).to.be.revertedWithCustomError(f.subnet, "SubnetEpochBacklog").withArgs(done);
    await f.catchUp(e - 1n);
    await f.commit(f.validators[0], e, [0], [1]);
    await f.toReveal(e);
    await f.as(f.validators[0]).revealWeights([0], [1], SALT);
  });

  it("rejects mismatched, malformed, duplicate and uncommitted reveals", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18);
    await f.as(f.nodeOps[2]).deregister(); // slot 2 exists but is empty
    const e = await f.nextEpoch();
    const v = f.validators[0];
    const bad: [number[], number[]][] = [[[1, 0], [1, 1]], [[0, 0], [1, 1]], [[3], [1]], [[2], [1]]];
    await f.commit(v, e, [0, 1], [10, 20]);
    for (const [ids, ws] of bad) await f.commit(f.validators[1], e, ids, ws);
    await f.toReveal(e);
    await expect(f.as(f.validators[2]).revealWeights([0], [1], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetNotValidator");
    await expect(f.as(v).revealWeights([0, 1], [10, 21], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetCommitMismatch");
    await expect(f.as(v).revealWeights([0, 1], [10, 20], "0x" + "00".repeat(32))).to.be.revertedWithCustomError(f.subnet, "SubnetCommitMismatch");
    await expect(f.as(v).revealWeights([0, 1], [10], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetLengthMismatch").withArgs(2n, 1n);
    await f.as(v).revealWeights([0, 1], [10, 20], SALT);
    await expect(f.as(v).revealWeights([0, 1], [10, 20], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetAlreadyRevealed").withArgs(e);
    // validators[1]'s last commit is for [2] (empty slot); each bad list is refused by the node checks.
    await expect(f.as(f.validators[1]).revealWeights([2], [1], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetBadNode").withArgs(2n);
    const e2 = await f.nextEpoch();
    for (const [ids, ws, id] of [[[1, 0], [1, 1], 0n], [[0, 0], [1, 1], 0n], [[3], [1], 3n]] as [number[], number[], bigint][]) {
      const e3 = await f.nextEpoch();
      await f.commit(f.validators[1], e3, ids, ws);
      await f.toReveal(e3);
      await expect(f.as(f.validators[1]).revealWeights(ids, ws, SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetBadNode").withArgs(id);
    }
    expect(e2).to.be.greaterThan(e);
    const e4 = await f.nextEpoch();
    await f.toReveal(e4);
    await expect(f.as(f.validators[1]).revealWeights([0], [1], SALT)).to.be.revertedWithCustomError(f.subnet, "SubnetNoCommit").withArgs(e4);
  });

  it("drops weights on nodes registered at or after the commit, and on replaced nodes", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = await f.nextEpoch();
    await f.as(f.nodeOps[2]).registerNode(f.nodeParams(2), E18); // slot 2 before the commits
    await f.commit(f.validators[0], e, [0, 1, 2, 3], [10, 0, 30, 40]);
    await f.commit(f.validators[1], e, [0, 1], [5, 6]);
    await f.as(f.nodeOps[3]).registerNode(f.nodeParams(3), E18); // slot 3 after the commits
    await f.toReveal(e);
    await expect(f.as(f.validators[0]).revealWeights([0, 1, 2, 3], [10, 0, 30, 40], SALT)).to.emit(f.subnet, "WeightsRevealed").withArgs(f.validators[0].address, e, 2n);
    await f.as(f.validators[1]).revealWeights([0, 1], [5, 6], SALT);
    expect(await f.subnet.epochWeights(e, f.validators[0].address)).to.deep.equal([[0n, 2n], [10n, 30n]]);
    // Node 1 leaves after the reveal: its column is cleared from the revealed rows.
    await f.as(f.nodeOps[1]).deregister();
    expect(await f.subnet.epochWeights(e, f.validators[1].address)).to.deep.equal([[0n], [5n]]);
    expect(await f.subnet.epochWeights(e, f.nodeOps[0].address)).to.deep.equal([[], []]);
    expect(await f.subnet.epochWeights(e + 1n, f.validators[1].address)).to.deep.equal([[], []]);
  });

  it("finalises an epoch: consensus, incentive, dividends, bonds and the 41/41/18 split", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = await f.nextEpoch();
    const ownerBefore = await f.token.balanceOf(f.owner.address);
    await f.commit(f.validators[0], e, [0, 1], [3, 1]);
    await f.commit(f.validators[1], e, [0, 1], [1, 3]);
    await f.toReveal(e);
    await f.as(f.validators[0]).revealWeights([0, 1], [3, 1], SALT);
    await f.as(f.validators[1]).revealWeights([0, 1], [1, 3], SALT);
    await expect(f.subnet.finalizeEpoch(0)).to.be.revertedWithCustomError(f.subnet, "SubnetEpochNotOver").withArgs(e);
    await f.toEnd(e);
    const emission = 1000n * E18;
    const pending0 = await f.subnet.pendingRewards(f.validators[0].address, f.validators[0].address);
    await expect(f.subnet.finalizeEpoch(1)).to.emit(f.subnet, "EpochFinalizationStarted").withArgs(e, emission);
    expect(await f.subnet.epochStatus()).to.deep.equal([e, true]);
    await expect(f.subnet.finalizeEpoch(10)).to.emit(f.subnet, "EpochFinalized");
    expect(await f.subnet.epochStatus()).to.deep.equal([e + 1n, false]);
    expect(await f.token.balanceOf(f.owner.address)).to.equal(ownerBefore + (emission * 1800n) / 10_000n);
    const r = await f.subnet.epochResults();
    const ONE = 1n << 32n;
    expect(r.epoch).to.equal(e);
    expect(r.emission).to.equal(emission);
    expect(r.validators).to.deep.equal([f.validators[0].address, f.validators[1].address]);
    expect(r.nodes).to.deep.equal([f.nodeOps[0].address, f.nodeOps[1].address]);
    expect(r.stake).to.deep.equal([(100n * ONE) / 150n, (50n * ONE) / 150n]);
    // Validator 0 holds 2/3 of the stake, so the median is its weights: [0.75, 0.25].
    expect(r.consensus).to.deep.equal([(3n * ONE) / 4n, ONE / 4n]);
    expect(r.incentive[0]).to.be.greaterThan(r.incentive[1]);
    expect(r.dividends[0] + r.dividends[1]).to.be.closeTo(ONE, 2n);
    expect(r.validatorTrust[0]).to.equal(ONE);
    const nodePaid = r.nodeEmission.reduce((a: bigint, b: bigint) => a + b, 0n);
    const valPaid = r.validatorEmission.reduce((a: bigint, b: bigint) => a + b, 0n);
    expect(nodePaid).to.be.closeTo((emission * 41n) / 100n, emission / 10n ** 9n);
    expect(valPaid).to.be.closeTo((emission * 41n) / 100n, emission / 10n ** 9n);
    expect((await f.subnet.node(0)).lastEmission).to.equal(r.nodeEmission[0]);
    const b = await f.subnet.bonds();
    expect(b[0][0]).to.equal(65535n);
    expect(await f.subnet.bond(0, 0)).to.equal(65535n);
    expect(await f.subnet.bond(1, 1)).to.equal(b[1][1]);
    // Rewards are claimable by validators through their pools.
    const pending1 = await f.subnet.pendingRewards(f.validators[0].address, f.validators[0].address);
    expect(pending1 - pending0).to.be.closeTo(r.validatorEmission[0], 1n);
  });

  it("gives the same results in one transaction or in single steps", async () => {
    const plan = (f: Awaited<ReturnType<typeof fixture>>) => [
      [f.validators[0], [0, 1], [700, 300]],
      [f.validators[1], [0, 1], [200, 800]],
    ] as [{ address: string }, number[], number[]][];
    const run = async (steps: number) => {
      const f = await networkHelpers.loadFixture(fixture);
      for (let round = 0; round < 2; round++) {
        const e = await f.nextEpoch();
        for (const [v, ids, ws] of plan(f)) await f.commit(v, e, ids, ws);
        await f.toReveal(e);
        for (const [v, ids, ws] of plan(f)) await f.as(v).revealWeights(ids, ws, SALT);
        await f.toEnd(e);
        for (;;) {
          await f.subnet.finalizeEpoch(steps);
          if ((await f.subnet.epochStatus())[0] > e) break;
        }
      }
      return [await f.subnet.epochResults(), await f.subnet.bonds()].map((x) => JSON.stringify(x, (_, v) => (typeof v === "bigint" ? v.toString() : v)));
    };
    expect(await run(1)).to.deep.equal(await run(100));
  });

  it("pays validators by stake when nobody reveals, and burns what nobody can receive", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const e = await f.nextEpoch();
    await f.toEnd(e);
    await f.catchUp(e + 1n);
    const r = await f.subnet.epochResults();
    const emission = 1000n * E18;
    const portion = (emission * 8200n) / 10_000n;
    expect(r.validatorEmission[0]).to.equal((((100n << 32n) / 150n) * portion) >> 32n);
    expect(r.incentive).to.deep.equal([0n, 0n]);
    // With the only node jailed, the incentive portion is burned.
    const e2 = await f.nextEpoch();
    await f.subnet.connect(f.slasher).slash(f.nodeOps[1].address, 0n, 0n, ethers.ZeroAddress, true);
    await f.commit(f.validators[0], e2, [0, 1], [0, 1]);
    await f.toReveal(e2);
    await f.as(f.validators[0]).revealWeights([0, 1], [0, 1], SALT);
    await f.toEnd(e2);
    const supply = await f.token.totalSupply();
    await expect(f.subnet.finalizeEpoch(100)).to.emit(f.subnet, "EpochFinalized");
    const nodePortion = (emission * 4100n) / 10_000n;
    expect(await f.token.totalSupply()).to.be.closeTo(supply + emission - nodePortion, 10n);
  });

  it("lets the admin change the split, the emission and the owner recipient", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await expect(f.subnet.setEmissionSplit(5000, 3000)).to.emit(f.subnet, "EmissionSplitChanged").withArgs(5000n, 3000n, 2000n);
    await expect(f.subnet.setEmissionSplit(5000, 5001)).to.be.revertedWithCustomError(f.subnet, "SubnetBadSplit").withArgs(5000n, 5001n);
    await expect(f.subnet.connect(f.other).setEmissionSplit(1, 1)).to.be.revertedWithCustomError(f.subnet, "AccessControlUnauthorizedAccount");
    await expect(f.subnet.setEmissionPerEpoch(7n * E18)).to.emit(f.subnet, "EmissionPerEpochChanged").withArgs(7n * E18);
    await expect(f.subnet.connect(f.other).setEmissionPerEpoch(1n)).to.be.revertedWithCustomError(f.subnet, "AccessControlUnauthorizedAccount");
    await expect(f.subnet.setOwnerRecipient(ethers.ZeroAddress)).to.be.revertedWithCustomError(f.subnet, "SubnetInvalidParams");
    await expect(f.subnet.connect(f.other).setOwnerRecipient(f.other.address)).to.be.revertedWithCustomError(f.subnet, "AccessControlUnauthorizedAccount");
    await expect(f.subnet.setOwnerRecipient(f.other.address)).to.emit(f.subnet, "OwnerRecipientChanged").withArgs(f.other.address);
    const p = await f.subnet.params();
    expect([p.nodesBps, p.validatorsBps, p.emissionPerEpoch]).to.deep.equal([5000n, 3000n, 7n * E18]);
    const before = await f.token.balanceOf(f.other.address);
    const [done0] = await f.subnet.epochStatus();
    await f.runEpoch([[f.validators[0], [0], [1]]]);
    const [done1] = await f.subnet.epochStatus();
    expect(await f.token.balanceOf(f.other.address)).to.equal(before + (BigInt(done1) - BigInt(done0)) * ((7n * E18 * 2000n) / 10_000n));
    expect(await f.subnet.currentEpoch()).to.equal((BigInt(await ethers.provider.getBlockNumber()) - f.genesis) / f.L);
  });
});
