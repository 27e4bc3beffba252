// Inclusion challenges: due receipts, valid / invalid / late answers, slashing of unanswered challenges.
import { expect } from "chai";
import { network } from "hardhat";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { batchTree, CHALLENGER_FUNDS, deployDisputes, Kind, plainParams, leafOf, Outcome, POOL, Status, WAD, type DisputesFixture, type TestReceipt } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers } = conn;
const { time } = networkHelpers;
const fixture = () => deployDisputes(conn);
const HOUR = 3600n;
const BOND = WAD; // default inclusionBond

/** Receipts 1..n of the fixture's node stamped `timestamp`. */
function receipts(f: DisputesFixture, n: number, timestamp: bigint): TestReceipt[] {
  return Array.from({ length: n }, (_, i) => f.receipt(BigInt(i + 1), "a", timestamp));
}

/** Opens an inclusion challenge on a receipt whose commit deadline passed; returns the receipt and the tx. */
async function openStale(f: DisputesFixture, seq = 2n) {
  const now = BigInt(await time.latest());
  const r = f.receipt(seq, "a", now - HOUR - 1n);
  await f.challenges.connect(f.challenger).openInclusionChallenge(r, await f.sign(r));
  return r;
}

describe("Challenges: inclusion", () => {
  it("refuses a receipt that is neither late nor covered", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const r = f.receipt(1n, "a", now);
    await expect(f.challenges.connect(f.challenger).openInclusionChallenge(r, await f.sign(r)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesInclusionNotDue")
      .withArgs(now + HOUR);
  });

  it("opens on a late receipt: takes the bond, sets the deadline, lists it as pending", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const r = f.receipt(5n, "a", now - HOUR - 1n);
    const tx = f.challenges.connect(f.challenger).openInclusionChallenge(r, await f.sign(r));
    await expect(tx)
      .to.emit(f.challenges, "ChallengeOpened")
      .withArgs(1n, Kind.Inclusion, f.node.address, f.operator.address, f.challenger.address, anyValue, BOND);
    const deadline = BigInt(await time.latest()) + HOUR;
    await expect(tx).to.emit(f.challenges, "InclusionResponseRequested").withArgs(1n, f.node.address, leafOf(r), deadline);
    expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS - BOND);
    expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(BOND);
    const c = await f.challenges.getChallenge(1n);
    expect(c.status).to.equal(BigInt(Status.AwaitingResponse));
    expect(c.responseDeadline).to.equal(deadline);
    expect(c.receipt.seq).to.equal(5n);
    expect(await f.challenges.pendingInclusionChallenges(f.node.address)).to.deep.equal([1n]);
    await time.increaseTo(deadline + 1n);
    expect(await f.challenges.pendingInclusionChallenges(f.node.address)).to.deep.equal([]);
  });

  it("opens at once when a batch covers the seq, even before the commit deadline", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const committed = receipts(f, 3, now);
    await f.auditLog.connect(f.node).commitBatch(batchTree(committed).root, 1n, 3n);
    const other = f.receipt(2n, "dropped", now); // signed for seq 2, but a different leaf was committed
    await expect(f.challenges.connect(f.challenger).openInclusionChallenge(other, await f.sign(other))).to.emit(
      f.challenges,
      "InclusionResponseRequested",
    );
  });

  it("opens at once on a receipt stamped more than a commit window in the future, and handles the uint64 maximum", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const soon = f.receipt(1n, "a", now + HOUR);
    await expect(f.challenges.connect(f.challenger).openInclusionChallenge(soon, await f.sign(soon)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesInclusionNotDue")
      .withArgs(now + 2n * HOUR);
    for (const [seq, timestamp] of [[2n, now + HOUR + 10n], [3n, 2n ** 64n - 1n]]) {
      const r = f.receipt(seq, "a", timestamp);
      await expect(f.challenges.connect(f.challenger).openInclusionChallenge(r, await f.sign(r))).to.emit(
        f.challenges,
        "InclusionResponseRequested",
      );
    }
  });

  it("closes on a valid answer by anyone and pays the bond to the operator", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const r = await openStale(f, 2n);
    const batch = receipts(f, 3, r.timestamp);
    const tree = batchTree(batch);
    await f.auditLog.connect(f.node).commitBatch(tree.root, 1n, 3n); // committed late, but within the response window
    const tx = f.challenges.connect(f.stranger).answerInclusionChallenge(1n, tree.proof(1));
    await expect(tx).to.emit(f.challenges, "InclusionProved").withArgs(1n, f.stranger.address);
    await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.InclusionProved);
    await expect(tx).to.emit(f.challenges, "Payout").withArgs(1n, f.operator.address, BOND);
    expect(await f.token.balanceOf(f.operator.address)).to.equal(BOND);
    expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS - BOND);
    expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
    expect((await f.challenges.getChallenge(1n)).status).to.equal(BigInt(Status.Settled));
    expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL);
    await expect(f.challenges.finalize(1n))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
      .withArgs(1n, Status.Settled);
    await expect(f.challenges.answerInclusionChallenge(1n, tree.proof(1)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
      .withArgs(1n, Status.Settled);
  });

  it("rejects invalid answers, then slashes after the deadline", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const batch = receipts(f, 4, now);
    const tree = batchTree(batch);
    await f.auditLog.connect(f.node).commitBatch(tree.root, 1n, 4n);
    const dropped = f.receipt(3n, "dropped", now); // the node signed this, but committed another leaf for seq 3
    await f.challenges.connect(f.challenger).openInclusionChallenge(dropped, await f.sign(dropped));
    for (const proof of [tree.proof(2), tree.proof(0), []]) {
      await expect(f.challenges.connect(f.node).answerInclusionChallenge(1n, proof))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidProof")
        .withArgs(1n);
    }
    const deadline = (await f.challenges.getChallenge(1n)).responseDeadline;
    await expect(f.challenges.finalize(1n))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlineNotReached")
      .withArgs(1n, deadline);
    await time.increaseTo(deadline + 1n);
    const slashed = POOL / 10n; // inclusionSlashWad 10%
    const reward = slashed / 2n;
    const tx = f.challenges.connect(f.stranger).finalize(1n);
    await expect(tx).to.emit(f.challenges, "NodeSlashed").withArgs(1n, f.operator.address, f.node.address, WAD / 10n, slashed);
    await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.InclusionUnanswered);
    await expect(tx).to.emit(f.challenges, "Payout").withArgs(1n, f.challenger.address, BOND);
    expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS + reward);
    expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
    expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL - slashed);
    expect((await f.challenges.getChallenge(1n)).outcome).to.equal(BigInt(Outcome.InclusionUnanswered));
  });

  it("rejects a late answer even with a valid proof", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const r = await openStale(f, 1n);
    const tree = batchTree([r]);
    const deadline = (await f.challenges.getChallenge(1n)).responseDeadline;
    await time.increaseTo(deadline + 1n);
    await f.auditLog.connect(f.node).commitBatch(tree.root, 1n, 1n);
    await expect(f.challenges.connect(f.node).answerInclusionChallenge(1n, tree.proof(0)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlinePassed")
      .withArgs(1n, deadline);
    await expect(f.challenges.finalize(1n)).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.InclusionUnanswered);
  });

  it("refuses duplicates, bad signatures, unknown nodes and unknown ids", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const r = await openStale(f, 2n);
    await expect(f.challenges.connect(f.challenger).openInclusionChallenge(r, await f.sign(r)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesDuplicateChallenge")
      .withArgs(1n);
    await expect(f.challenges.openInclusionChallenge(r, await f.sign(r, f.stranger)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidSignature")
      .withArgs(f.node.address, 2n);
    const foreign = { ...r, node: f.stranger.address };
    await expect(f.challenges.openInclusionChallenge(foreign, await f.sign(foreign, f.stranger)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownNode")
      .withArgs(f.stranger.address);
    for (const id of [0n, 2n]) {
      await expect(f.challenges.answerInclusionChallenge(id, []))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownChallenge")
        .withArgs(id);
      await expect(f.challenges.finalize(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownChallenge")
        .withArgs(id);
      await expect(f.challenges.getChallenge(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownChallenge")
        .withArgs(id);
    }
  });

  it("takes no bond when inclusionBond is zero", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    await f.challenges.setParams({ ...(await paramsOf(f)), inclusionBond: 0n });
    const now = BigInt(await time.latest());
    const r = f.receipt(1n, "a", now - HOUR - 1n);
    await f.challenges.connect(f.stranger).openInclusionChallenge(r, await f.sign(r));
    expect((await f.challenges.getChallenge(1n)).bond).to.equal(0n);
    await time.increase(HOUR + 1n);
    const tx = f.challenges.finalize(1n);
    await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.InclusionUnanswered);
    await expect(tx).not.to.emit(f.challenges, "Payout");
    expect(await f.token.balanceOf(f.stranger.address)).to.equal(POOL / 20n);
  });
});

/** The current parameters as a plain object (for `setParams({...p, x})`). */
async function paramsOf(f: DisputesFixture) {
  return plainParams(await f.challenges.params());
}
