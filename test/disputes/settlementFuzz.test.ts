// Randomised wrong-output settlements (pinned seed): outcome and every payout match a reference, nothing stays behind.
import { expect } from "chai";
import { network } from "hardhat";
import { id as idHash } from "ethers";
import { deployDisputes, Outcome, plainParams, Vote, WAD } from "./disputesFixture.js";
import { mulberry32 } from "../../node/util/mulberry32.js";

const conn = await network.create();
const { networkHelpers } = conn;
const { time } = networkHelpers;

type Action = "silent" | "commitOnly" | "match" | "mismatch";
const ACTIONS: Action[] = ["silent", "commitOnly", "match", "mismatch"];

describe("Challenges: randomised settlement accounting", () => {
  it("pays exactly what the rules say over 25 random disputes", async () => {
    const f = await deployDisputes(conn);
    const rand = mulberry32(20261123);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const wad = (max: bigint) => (BigInt(Math.floor(rand() * 1e9)) * max) / 1_000_000_000n;
    const base = plainParams(await f.challenges.params());
    const seen = new Set<number>();
    for (let i = 1; i <= 25; i++) {
      const p = {
        ...base,
        committeeSize: BigInt(1 + Math.floor(rand() * 6)),
        quorumWad: pick([WAD / 5n, WAD / 2n, (WAD * 2n) / 3n, WAD]),
        wrongOutputBond: 1n + wad(500n * WAD),
        inclusionBond: 0n,
        wrongOutputSlashWad: 1n + wad(WAD - 1n),
        challengerRewardWad: wad(WAD),
        committeeShareWad: wad(WAD),
      };
      await f.challenges.setParams(p);
      const pool = await f.subnet.poolOf(f.operator.address);
      const r = f.receipt(BigInt(i));
      await f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r), [], "");
      const id = await f.challenges.challengeCount();
      await networkHelpers.mine();
      await f.challenges.drawCommittee(id);
      const members = (await f.challenges.committeeOf(id)).map((a) => f.validators.find((v) => v.address === a)!);
      expect(members.length).to.equal(Number(p.committeeSize));
      const actions = members.map(() => pick(ACTIONS));
      for (const [k, m] of members.entries()) {
        if (actions[k] === "silent") continue;
        const vote = actions[k] === "match" ? Vote.Match : Vote.Mismatch;
        await f.challenges.connect(m).commitVote(id, await f.challenges.voteCommitment(id, m.address, vote, idHash(`${i}`)));
      }
      await time.increaseTo((await f.challenges.getChallenge(id)).commitDeadline + 1n);
      for (const [k, m] of members.entries()) {
        if (actions[k] === "match" || actions[k] === "mismatch") {
          await f.challenges.connect(m).revealVote(id, actions[k] === "match" ? Vote.Match : Vote.Mismatch, idHash(`${i}`));
        }
      }
      await time.increaseTo((await f.challenges.getChallenge(id)).revealDeadline + 1n);

      // Reference settlement.
      const M = BigInt(actions.filter((a) => a === "match").length);
      const X = BigInt(actions.filter((a) => a === "mismatch").length);
      const size = BigInt(members.length);
      const ceil = (size * p.quorumWad + WAD - 1n) / WAD;
      const quorum = ceil > 1n ? ceil : 1n;
      const bond = p.wrongOutputBond;
      const expected = new Map<string, bigint>([[f.challenger.address, 0n], [f.operator.address, 0n], ...members.map((m) => [m.address, 0n] as const)]);
      let outcome: Outcome;
      let slashed = 0n;
      if (M + X < quorum || M === X) {
        outcome = M + X < quorum ? Outcome.NoQuorum : Outcome.Tie;
        expected.set(f.challenger.address, bond);
      } else if (X > M) {
        outcome = Outcome.Mismatch;
        slashed = (pool * p.wrongOutputSlashWad) / WAD;
        const reward = (slashed * p.challengerRewardWad) / WAD;
        const each = (reward * p.committeeShareWad) / WAD / X;
        members.forEach((m, k) => actions[k] === "mismatch" && expected.set(m.address, each));
        expected.set(f.challenger.address, bond + reward - X * each);
      } else {
        outcome = Outcome.Match;
        const each = (bond * p.committeeShareWad) / WAD / M;
        members.forEach((m, k) => actions[k] === "match" && expected.set(m.address, each));
        expected.set(f.operator.address, bond - M * each);
      }
      seen.add(outcome);

      const before = new Map<string, bigint>();
      for (const a of expected.keys()) before.set(a, await f.token.balanceOf(a));
      await expect(f.challenges.finalize(id)).to.emit(f.challenges, "ChallengeSettled").withArgs(id, outcome);
      for (const [a, gain] of expected) expect((await f.token.balanceOf(a)) - before.get(a)!, `dispute ${i}, ${a}`).to.equal(gain);
      expect(await f.subnet.poolOf(f.operator.address)).to.equal(pool - slashed);
      expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
      expect((await f.challenges.getChallenge(id)).slashed).to.equal(slashed);
    }
    // The pinned seed reaches every committee outcome.
    expect([...seen].sort()).to.deep.equal([Outcome.Mismatch, Outcome.Match, Outcome.Tie, Outcome.NoQuorum]);
  });
});
