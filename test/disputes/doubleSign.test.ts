// Double-sign proofs: two signed receipts of one (node, seq) slash the operator at once.
import { expect } from "chai";
import { network } from "hardhat";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { deployDisputes, Kind, leafOf, Outcome, POOL, Status, WAD } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers } = conn;
const fixture = () => deployDisputes(conn);

describe("Challenges: double-sign", () => {
  it("slashes the operator at once and pays the prover", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const a = f.receipt(7n, "a");
    const b = f.receipt(7n, "b");
    const [sa, sb] = [await f.sign(a), await f.sign(b)];
    const slashed = (POOL * 5n) / 10n; // doubleSignSlashWad 50%
    const reward = slashed / 2n; // challengerRewardWad 50%
    const tx = f.challenges.connect(f.stranger).proveDoubleSign(a, sa, b, sb);
    await expect(tx)
      .to.emit(f.challenges, "ChallengeOpened")
      .withArgs(1n, Kind.DoubleSign, f.node.address, f.operator.address, f.stranger.address, anyValue, 0n);
    await expect(tx).to.emit(f.challenges, "DoubleSignProved").withArgs(1n, f.node.address, 7n, leafOf(a), leafOf(b));
    await expect(tx).to.emit(f.challenges, "NodeSlashed").withArgs(1n, f.operator.address, f.node.address, WAD / 2n, slashed);
    await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.DoubleSigned);
    await expect(tx)
      .to.emit(f.subnet, "Slashed")
      .withArgs(f.operator.address, WAD / 2n, WAD / 2n, f.stranger.address, true, slashed);
    expect(await f.token.balanceOf(f.stranger.address)).to.equal(reward);
    expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL - slashed);
    expect(await f.subnet.jailed(f.operator.address)).to.equal(true);
    const c = await f.challenges.getChallenge(1n);
    expect(c.kind).to.equal(BigInt(Kind.DoubleSign));
    expect(c.status).to.equal(BigInt(Status.Settled));
    expect(c.outcome).to.equal(BigInt(Outcome.DoubleSigned));
    expect(c.receiptHash).to.equal(leafOf(a));
    expect(c.slashed).to.equal(slashed);
    expect(await f.challenges.challengesAgainst(f.node.address)).to.deep.equal([1n]);
    expect(await f.challenges.openChallenges()).to.deep.equal([]);
  });

  it("refuses a second proof of the same (node, seq)", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const [a, b, c] = [f.receipt(3n, "a"), f.receipt(3n, "b"), f.receipt(3n, "c")];
    await f.challenges.proveDoubleSign(a, await f.sign(a), b, await f.sign(b));
    await expect(f.challenges.proveDoubleSign(a, await f.sign(a), c, await f.sign(c)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesDoubleSignAlreadyProved")
      .withArgs(f.node.address, 3n);
  });

  it("refuses receipts that do not conflict", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const a = f.receipt(1n, "a");
    const otherSeq = f.receipt(2n, "b");
    const otherNode = { ...f.receipt(1n, "b"), node: f.stranger.address };
    const sa = await f.sign(a);
    for (const [b, sb] of [
      [a, sa],
      [otherSeq, await f.sign(otherSeq)],
      [otherNode, await f.sign(otherNode, f.stranger)],
    ] as const) {
      await expect(f.challenges.proveDoubleSign(a, sa, b, sb)).to.be.revertedWithCustomError(
        f.challenges,
        "ChallengesNotConflicting",
      );
    }
  });

  it("refuses a signature by another key", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const [a, b] = [f.receipt(1n, "a"), f.receipt(1n, "b")];
    await expect(f.challenges.proveDoubleSign(a, await f.sign(a), b, await f.sign(b, f.stranger)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidSignature")
      .withArgs(f.node.address, 1n);
    await expect(f.challenges.proveDoubleSign(a, await f.sign(a, f.stranger), b, await f.sign(b)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidSignature")
      .withArgs(f.node.address, 1n);
  });

  it("refuses a key that belongs to no operator", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const a = { ...f.receipt(1n, "a"), node: f.stranger.address };
    const b = { ...f.receipt(1n, "b"), node: f.stranger.address };
    await expect(f.challenges.proveDoubleSign(a, await f.sign(a, f.stranger), b, await f.sign(b, f.stranger)))
      .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownNode")
      .withArgs(f.stranger.address);
  });
});
