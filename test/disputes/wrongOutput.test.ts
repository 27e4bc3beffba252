// Wrong-output disputes: opening, committee draw, commit-reveal voting and every settlement outcome with exact money.
import { expect } from "chai";
import { network } from "hardhat";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { AbiCoder, id as idHash, keccak256 } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { batchTree, CHALLENGER_FUNDS, deployDisputes, Kind, leafOf, Outcome, POOL, Status, Vote, WAD, type DisputesFixture } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const { time } = networkHelpers;
const fixture = () => deployDisputes(conn);
const BOND = 100n * WAD; // default wrongOutputBond
const coder = AbiCoder.defaultAbiCoder();

/** Opens a wrong-output challenge on a signed receipt of seq `seq` and returns its id. */
async function open(f: DisputesFixture, seq = 1n): Promise<bigint> {
  const r = f.receipt(seq);
  await f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r), [], "http://127.0.0.1:9/evidence");
  return await f.challenges.challengeCount();
}

/** Mines the seed block and draws; returns the committee as signers. */
async function draw(f: DisputesFixture, id: bigint): Promise<HardhatEthersSigner[]> {
  await networkHelpers.mine();
  await f.challenges.drawCommittee(id);
  const members = await f.challenges.committeeOf(id);
  return members.map((a) => f.validators.find((v) => v.address === a)!);
}

const saltOf = (who: HardhatEthersSigner) => idHash(`salt-${who.address}`);

async function commit(f: DisputesFixture, id: bigint, who: HardhatEthersSigner, vote: Vote) {
  return f.challenges.connect(who).commitVote(id, await f.challenges.voteCommitment(id, who.address, vote, saltOf(who)));
}

function reveal(f: DisputesFixture, id: bigint, who: HardhatEthersSigner, vote: Vote) {
  return f.challenges.connect(who).revealVote(id, vote, saltOf(who));
}

/** Commits all `votes` (Vote.None = stays silent), waits for the commit deadline, reveals all, waits for the reveal deadline. */
async function voteAndWait(f: DisputesFixture, id: bigint, members: HardhatEthersSigner[], votes: Vote[]) {
  for (let i = 0; i < members.length; i++) if (votes[i] !== Vote.None) await commit(f, id, members[i], votes[i]);
  const c = await f.challenges.getChallenge(id);
  await time.increaseTo(c.commitDeadline + 1n);
  for (let i = 0; i < members.length; i++) if (votes[i] !== Vote.None) await reveal(f, id, members[i], votes[i]);
  await time.increaseTo(c.revealDeadline + 1n);
}

async function balances(f: DisputesFixture, who: HardhatEthersSigner[]): Promise<bigint[]> {
  return Promise.all(who.map((w) => f.token.balanceOf(w.address)));
}

describe("Challenges: wrong output", () => {
  describe("opening", () => {
    it("takes the bond, commits to a future block and publishes the evidence uri", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const r = f.receipt(1n);
      const tx = f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r), [], "http://x/e");
      const block = BigInt(await ethers.provider.getBlockNumber()) + 1n;
      await expect(tx)
        .to.emit(f.challenges, "ChallengeOpened")
        .withArgs(1n, Kind.WrongOutput, f.node.address, f.operator.address, f.challenger.address, anyValue, BOND);
      await expect(tx).to.emit(f.challenges, "CommitteeSeedCommitted").withArgs(1n, block + 1n);
      await expect(tx).to.emit(f.challenges, "EvidenceSubmitted").withArgs(1n, "http://x/e");
      expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS - BOND);
      expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(BOND);
      const c = await f.challenges.getChallenge(1n);
      expect(c.status).to.equal(BigInt(Status.AwaitingCommittee));
      expect(c.seedBlock).to.equal(block + 1n);
      expect(c.receiptHash).to.equal(leafOf(r));
      expect(c.bond).to.equal(BOND);
    });

    it("accepts an unsigned receipt proved included", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const batch = [f.receipt(1n), f.receipt(2n)];
      const tree = batchTree(batch);
      await f.auditLog.connect(f.node).commitBatch(tree.root, 1n, 2n);
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(batch[1], "0x", tree.proof(1), "")).not.to.emit(
        f.challenges,
        "EvidenceSubmitted",
      );
      expect((await f.challenges.getChallenge(1n)).receipt.seq).to.equal(2n);
      await expect(
        f.challenges.connect(f.challenger).openWrongOutputChallenge(batch[0], "0x", tree.proof(1), ""),
      ).to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidEvidence");
    });

    it("refuses non-validators, bad evidence, unknown nodes, self-challenges and duplicates", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const r = f.receipt(1n);
      const sig = await f.sign(r);
      await expect(f.challenges.connect(f.stranger).openWrongOutputChallenge(r, sig, [], ""))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesNotValidator")
        .withArgs(f.stranger.address);
      await expect(
        f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r, f.stranger), [], ""),
      ).to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidEvidence");
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(r, "0x", [], "")).to.be.revertedWithCustomError(
        f.challenges,
        "ChallengesInvalidEvidence",
      );
      const foreign = { ...r, node: f.stranger.address };
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(foreign, await f.sign(foreign, f.stranger), [], ""))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesUnknownNode")
        .withArgs(f.stranger.address);
      await f.subnet.setValidators([f.operator.address, f.challenger.address], [WAD, WAD]);
      await f.token.mint(f.operator.address, BOND);
      await f.token.connect(f.operator).approve(await f.challenges.getAddress(), BOND);
      await expect(f.challenges.connect(f.operator).openWrongOutputChallenge(r, sig, [], ""))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesSelfChallenge")
        .withArgs(f.operator.address);
      await f.challenges.connect(f.challenger).openWrongOutputChallenge(r, sig, [], "");
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(r, sig, [], ""))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDuplicateChallenge")
        .withArgs(1n);
    });
  });

  describe("committee draw", () => {
    it("waits for the seed block, then draws the committee the seed gives, excluding both parties", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      // The operator and the node key are validators too, with huge stakes: they must still never be drawn.
      const all = [f.challenger, f.operator, f.node, ...f.validators];
      await f.subnet.setValidators(all.map((a) => a.address), [10n ** 30n, 10n ** 30n, 10n ** 30n, ...f.validators.map(() => WAD)]);
      const id = await open(f);
      const seedBlock = (await f.challenges.getChallenge(id)).seedBlock;
      await expect(f.challenges.drawCommittee(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesSeedNotReady")
        .withArgs(id, seedBlock);
      await networkHelpers.mine();
      const tx = f.challenges.drawCommittee(id);
      await expect(tx).to.emit(f.challenges, "CommitteeSelected");
      const hash = (await ethers.provider.getBlock(Number(seedBlock)))!.hash!;
      const seed = keccak256(coder.encode(["bytes32", "uint256"], [hash, id]));
      const expected = await f.challenges.sampleCommittee(seed, [f.challenger.address, f.operator.address, f.node.address], 5n);
      const members = await f.challenges.committeeOf(id);
      expect(members).to.deep.equal(expected);
      expect(members.length).to.equal(5);
      expect(new Set(members).size).to.equal(5);
      for (const party of [f.challenger, f.operator, f.node]) expect(members).not.to.include(party.address);
      const c = await f.challenges.getChallenge(id);
      expect(c.seed).to.equal(seed);
      expect(c.status).to.equal(BigInt(Status.Voting));
      const now = BigInt(await time.latest());
      expect(c.commitDeadline).to.equal(now + 600n);
      expect(c.revealDeadline).to.equal(now + 1200n);
      await expect(tx).to.emit(f.challenges, "CommitteeSelected").withArgs(id, expected, seed, now + 600n, now + 1200n);
      for (const m of members) {
        expect(await f.challenges.isCommitteeMember(id, m)).to.equal(true);
        expect(await f.challenges.committeeMemberships(m)).to.deep.equal([id]);
        expect(await f.challenges.pendingCommitteeDuties(m)).to.deep.equal([id]);
      }
      expect(await f.challenges.isCommitteeMember(id, f.challenger.address)).to.equal(false);
      await expect(f.challenges.drawCommittee(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
        .withArgs(id, Status.Voting);
    });

    it("commits to a new block when the seed block's hash has expired", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      await networkHelpers.mine(300);
      const next = BigInt(await ethers.provider.getBlockNumber()) + 2n; // the draw tx's block + drawDelay
      await expect(f.challenges.drawCommittee(id)).to.emit(f.challenges, "CommitteeSeedCommitted").withArgs(id, next);
      expect((await f.challenges.getChallenge(id)).status).to.equal(BigInt(Status.AwaitingCommittee));
      expect(await f.challenges.committeeOf(id)).to.deep.equal([]);
      await networkHelpers.mine();
      await expect(f.challenges.drawCommittee(id)).to.emit(f.challenges, "CommitteeSelected");
    });

    it("settles as NoCommittee and returns the bond when nobody is eligible", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      await f.subnet.setValidators([f.challenger.address, f.validators[0].address], [WAD, 0n]);
      const id = await open(f);
      await networkHelpers.mine();
      const tx = f.challenges.drawCommittee(id);
      await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.NoCommittee);
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, f.challenger.address, BOND);
      expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS);
      // Inconclusive: the same receipt may be challenged again.
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(f.receipt(1n), await f.sign(f.receipt(1n)), [], ""))
        .to.emit(f.challenges, "ChallengeOpened");
    });
  });

  describe("settlement", () => {
    it("Mismatch majority: slashes, splits the reward among majority voters, returns the bond", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      const votes = [Vote.Mismatch, Vote.Mismatch, Vote.Match, Vote.Mismatch, Vote.None];
      // Member 4 commits but never reveals: it loses its reward too.
      await voteAndWait(f, id, m, votes);
      const before = await balances(f, [f.challenger, f.operator, ...m]);
      const tx = f.challenges.connect(f.stranger).finalize(id);
      const slashed = POOL / 10n;
      const reward = slashed / 2n;
      const each = reward / 2n / 3n;
      await expect(tx).to.emit(f.challenges, "NodeSlashed").withArgs(id, f.operator.address, f.node.address, WAD / 10n, slashed);
      await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.Mismatch);
      await expect(tx).to.emit(f.subnet, "Slashed").withArgs(f.operator.address, WAD / 10n, WAD / 2n, await f.challenges.getAddress(), true, slashed);
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, m[0].address, each);
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, f.challenger.address, BOND + reward - 3n * each);
      const after = await balances(f, [f.challenger, f.operator, ...m]);
      expect(after[0] - before[0]).to.equal(BOND + reward - 3n * each);
      expect(after[1] - before[1]).to.equal(0n);
      expect(after.slice(2).map((a, i) => a - before[i + 2])).to.deep.equal([each, each, 0n, each, 0n]);
      expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
      expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL - slashed);
      const c = await f.challenges.getChallenge(id);
      expect([c.mismatchVotes, c.matchVotes, c.commits, c.slashed]).to.deep.equal([3n, 1n, 4n, slashed]);
    });

    it("Match majority: forfeits the bond to the majority voters and the operator, no slash", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      await voteAndWait(f, id, m, [Vote.Match, Vote.Match, Vote.Mismatch, Vote.Match, Vote.None]);
      const before = await balances(f, [f.challenger, f.operator, ...m]);
      const tx = f.challenges.finalize(id);
      const each = BOND / 2n / 3n;
      await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.Match);
      await expect(tx).not.to.emit(f.challenges, "NodeSlashed");
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, f.operator.address, BOND - 3n * each);
      const after = await balances(f, [f.challenger, f.operator, ...m]);
      expect(after[0] - before[0]).to.equal(0n);
      expect(after[1] - before[1]).to.equal(BOND - 3n * each);
      expect(after.slice(2).map((a, i) => a - before[i + 2])).to.deep.equal([each, each, 0n, each, 0n]);
      expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
      expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL);
      // Decided: the receipt cannot be challenged again.
      await expect(f.challenges.connect(f.challenger).openWrongOutputChallenge(f.receipt(1n), await f.sign(f.receipt(1n)), [], ""))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDuplicateChallenge")
        .withArgs(id);
    });

    it("Tie: returns the bond, no slash, no rewards", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      await voteAndWait(f, id, m, [Vote.Match, Vote.Mismatch, Vote.Match, Vote.Mismatch, Vote.None]);
      const tx = f.challenges.finalize(id);
      await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.Tie);
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, f.challenger.address, BOND);
      await expect(tx).not.to.emit(f.challenges, "NodeSlashed");
      expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS);
      for (const v of m) expect(await f.token.balanceOf(v.address)).to.equal(0n);
      expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL);
    });

    it("No quorum: fewer reveals than ceil(K/2) returns the bond even with a unanimous verdict", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      await commit(f, id, m[2], Vote.Mismatch); // commits, never reveals
      await voteAndWait(f, id, m, [Vote.Mismatch, Vote.Mismatch, Vote.None, Vote.None, Vote.None]);
      const tx = f.challenges.finalize(id);
      await expect(tx).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.NoQuorum);
      await expect(tx).to.emit(f.challenges, "Payout").withArgs(id, f.challenger.address, BOND);
      expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS);
      expect(await f.subnet.poolOf(f.operator.address)).to.equal(POOL);
      const c = await f.challenges.getChallenge(id);
      expect([c.commits, c.mismatchVotes, c.outcome]).to.deep.equal([3n, 2n, BigInt(Outcome.NoQuorum)]);
    });

    it("opens reveals once all committed and settles once all revealed, before the deadlines", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      const c = await f.challenges.getChallenge(id);
      for (const v of m.slice(0, 4)) await commit(f, id, v, Vote.Mismatch);
      await expect(reveal(f, id, m[0], Vote.Mismatch))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesRevealNotOpen")
        .withArgs(id, c.commitDeadline);
      expect(await f.challenges.pendingCommitteeDuties(m[4].address)).to.deep.equal([id]);
      await commit(f, id, m[4], Vote.Mismatch);
      for (const v of m.slice(0, 4)) await reveal(f, id, v, Vote.Mismatch);
      await expect(f.challenges.finalize(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlineNotReached")
        .withArgs(id, c.revealDeadline);
      expect(await f.challenges.pendingCommitteeDuties(m[0].address)).to.deep.equal([]);
      expect(await f.challenges.pendingCommitteeDuties(m[4].address)).to.deep.equal([id]);
      await reveal(f, id, m[4], Vote.Mismatch);
      expect(BigInt(await time.latest())).to.be.lessThan(c.commitDeadline);
      await expect(f.challenges.finalize(id)).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.Mismatch);
      const each = POOL / 10n / 2n / 2n / 5n;
      for (const v of m) expect(await f.token.balanceOf(v.address)).to.equal(each);
      expect(await f.token.balanceOf(f.challenger.address)).to.equal(CHALLENGER_FUNDS + POOL / 20n - 5n * each);
    });

    it("reverts every out-of-turn vote with its custom error", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      await expect(f.challenges.connect(f.validators[0]).commitVote(id, idHash("x")))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
        .withArgs(id, Status.AwaitingCommittee);
      await expect(f.challenges.finalize(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
        .withArgs(id, Status.AwaitingCommittee);
      const m = await draw(f, id);
      const outsider = f.validators.find((v) => !m.includes(v))!;
      await expect(commit(f, id, outsider, Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesNotCommitteeMember")
        .withArgs(id, outsider.address);
      await expect(reveal(f, id, outsider, Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesNotCommitteeMember")
        .withArgs(id, outsider.address);
      await expect(f.challenges.connect(m[0]).commitVote(id, "0x" + "00".repeat(32))).to.be.revertedWithCustomError(
        f.challenges,
        "ChallengesZeroCommitment",
      );
      await commit(f, id, m[0], Vote.Match);
      await expect(commit(f, id, m[0], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesAlreadyCommitted")
        .withArgs(id, m[0].address);
      const c = await f.challenges.getChallenge(id);
      await time.increaseTo(c.commitDeadline + 1n);
      await expect(commit(f, id, m[1], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlinePassed")
        .withArgs(id, c.commitDeadline);
      await expect(reveal(f, id, m[1], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesNotCommitted")
        .withArgs(id, m[1].address);
      await expect(f.challenges.connect(m[0]).revealVote(id, Vote.Match, idHash("wrong salt")))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesCommitmentMismatch")
        .withArgs(id, m[0].address);
      await expect(reveal(f, id, m[0], Vote.Mismatch))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesCommitmentMismatch")
        .withArgs(id, m[0].address);
      await expect(reveal(f, id, m[0], Vote.None)).to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidVote");
      await expect(reveal(f, id, m[0], Vote.Match)).to.emit(f.challenges, "VoteRevealed").withArgs(id, m[0].address, Vote.Match);
      await expect(reveal(f, id, m[0], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesAlreadyRevealed")
        .withArgs(id, m[0].address);
      await time.increaseTo(c.revealDeadline + 1n);
      await expect(reveal(f, id, m[0], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesAlreadyRevealed")
        .withArgs(id, m[0].address);
      expect(await f.challenges.pendingCommitteeDuties(m[0].address)).to.deep.equal([]);
      await expect(f.challenges.finalize(id)).to.emit(f.challenges, "ChallengeSettled").withArgs(id, Outcome.NoQuorum);
      await expect(f.challenges.finalize(id))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesWrongStatus")
        .withArgs(id, Status.Settled);
    });

    it("rejects a reveal after the reveal deadline", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id = await open(f);
      const m = await draw(f, id);
      await commit(f, id, m[0], Vote.Match);
      const c = await f.challenges.getChallenge(id);
      await time.increaseTo(c.revealDeadline + 1n);
      await expect(reveal(f, id, m[0], Vote.Match))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlinePassed")
        .withArgs(id, c.revealDeadline);
      await expect(f.challenges.connect(m[0]).commitVote(id, idHash("late")))
        .to.be.revertedWithCustomError(f.challenges, "ChallengesDeadlinePassed")
        .withArgs(id, c.commitDeadline);
    });

    it("emits VoteCommitted and lists challenges page by page", async () => {
      const f = await networkHelpers.loadFixture(fixture);
      const id1 = await open(f, 1n);
      const id2 = await open(f, 2n);
      const m = await draw(f, id1);
      const commitment = await f.challenges.voteCommitment(id1, m[0].address, Vote.Match, saltOf(m[0]));
      await expect(f.challenges.connect(m[0]).commitVote(id1, commitment))
        .to.emit(f.challenges, "VoteCommitted")
        .withArgs(id1, m[0].address, commitment);
      expect(await f.challenges.voteOf(id1, m[0].address)).to.deep.equal([commitment, BigInt(Vote.None)]);
      expect(await f.challenges.challengeCount()).to.equal(2n);
      const page = await f.challenges.getChallenges(1n, 10n);
      expect(page.length).to.equal(1);
      expect(page[0].receipt.seq).to.equal(2n);
      expect((await f.challenges.getChallenges(0n, 1n))[0].status).to.equal(BigInt(Status.Voting));
      expect(await f.challenges.getChallenges(2n, 5n)).to.deep.equal([]);
      expect(await f.challenges.getChallenges(0n, 0n)).to.deep.equal([]);
      expect(await f.challenges.challengesAgainst(f.node.address)).to.deep.equal([id1, id2]);
      expect(await f.challenges.openChallenges()).to.deep.equal([id1, id2]);
      const id3 = await open(f, 3n);
      await networkHelpers.mine();
      await f.subnet.setValidators([f.challenger.address], [WAD]);
      await f.challenges.drawCommittee(id2); // nobody eligible: settles at once
      expect(await f.challenges.openChallenges()).to.deep.equal([id1, id3]);
      await f.challenges.drawCommittee(id3);
      expect(await f.challenges.openChallenges()).to.deep.equal([id1]);
    });
  });
});
