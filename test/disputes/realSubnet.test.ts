// Challenges end to end on the real contracts: VeritensorToken, Subnet (staking, slashing), AuditLog.
import { expect } from "chai";
import { network } from "hardhat";
import { id as idHash } from "ethers";
import { deploySubnet } from "../subnet/helpers.js";
import { batchTree, deployChallenges, Outcome, RECEIPT_TYPES, Vote, WAD, type TestReceipt } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const { time } = networkHelpers;

const NODE_STAKE = 1000n * WAD;
const VALIDATOR_STAKES = [100n * WAD, 200n * WAD, 300n * WAD];

async function fixture() {
  const [owner, node, operator, challenger, stranger, ...rest] = await ethers.getSigners();
  const validators = rest.slice(0, VALIDATOR_STAKES.length);
  const { token, subnet } = await deploySubnet(ethers, owner);
  const { auditLog, challenges } = await deployChallenges(ethers, owner, subnet, token);
  await subnet.grantRole(await subnet.SLASHER_ROLE(), await challenges.getAddress());
  const stakeAs = async (who: typeof owner, amount: bigint) => {
    await token.mint(who.address, amount);
    await token.connect(who).approve(await subnet.getAddress(), amount);
  };
  await stakeAs(operator, NODE_STAKE);
  await subnet.connect(operator).registerNode(
    { signer: node.address, endpoint: "http://127.0.0.1:1", pricePerInference: 0n, region: "eu", energySource: "grid", carbonIntensity: 0 },
    NODE_STAKE,
  );
  for (const [v, s] of [[challenger, 500n * WAD], ...validators.map((v, i) => [v, VALIDATOR_STAKES[i]] as const)] as const) {
    await stakeAs(v, s);
    await subnet.connect(v).registerValidator(s);
  }
  await token.mint(challenger.address, 1000n * WAD);
  await token.connect(challenger).approve(await challenges.getAddress(), 1000n * WAD);
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const domain = { name: "Veritensor", version: "1", chainId, verifyingContract: await auditLog.getAddress() };
  const receipt = (seq: bigint, tag: string, timestamp: bigint): TestReceipt => ({
    requestId: idHash(`r${seq}`), modelHash: idHash("m"), inputDigest: idHash(`i${seq}`), outputDigest: idHash(`o${seq}${tag}`),
    node: node.address, seq, timestamp,
  });
  const sign = (r: TestReceipt) => node.signTypedData(domain, RECEIPT_TYPES, r);
  return { owner, node, operator, challenger, stranger, validators, token, subnet, auditLog, challenges, receipt, sign };
}

describe("Challenges on the real Subnet and AuditLog", () => {
  it("reads operators and validator stakes from the Subnet", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    expect(await f.subnet.operatorOfSigner(f.node.address)).to.equal(f.operator.address);
    const committee = await f.challenges.sampleCommittee(idHash("s"), [f.challenger.address], 5n);
    expect([...committee].sort()).to.deep.equal(f.validators.map((v) => v.address).sort());
  });

  it("double-sign: slashes the pool, pays the prover, jails the node", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const [a, b] = [f.receipt(1n, "a", now), f.receipt(1n, "b", now)];
    const supply = await f.token.totalSupply();
    await expect(f.challenges.connect(f.stranger).proveDoubleSign(a, await f.sign(a), b, await f.sign(b)))
      .to.emit(f.challenges, "NodeSlashed")
      .withArgs(1n, f.operator.address, f.node.address, WAD / 2n, NODE_STAKE / 2n)
      .and.to.emit(f.subnet, "OperatorSlashed");
    expect((await f.subnet.pool(f.operator.address)).stake).to.equal(NODE_STAKE / 2n);
    expect(await f.token.balanceOf(f.stranger.address)).to.equal(NODE_STAKE / 4n);
    expect(await f.token.totalSupply()).to.equal(supply - NODE_STAKE / 4n); // the rest is burnt
    expect((await f.subnet.pool(f.operator.address)).jailedUntil).to.be.greaterThan(BigInt(await ethers.provider.getBlockNumber()));
    expect(await f.subnet.isAuthorizedSigner(f.node.address)).to.equal(false);
  });

  it("inclusion: a node that committed another leaf cannot answer and is slashed", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const committed = [f.receipt(1n, "", now), f.receipt(2n, "", now)];
    const tree = batchTree(committed);
    await f.auditLog.connect(f.node).commitBatch(tree.root, 1n, 2n);
    // An honest receipt is answered...
    await f.challenges.connect(f.challenger).openInclusionChallenge(committed[0], await f.sign(committed[0]));
    await expect(f.challenges.connect(f.node).answerInclusionChallenge(1n, tree.proof(0)))
      .to.emit(f.challenges, "ChallengeSettled")
      .withArgs(1n, Outcome.InclusionProved);
    // ...a dropped one is not.
    const dropped = f.receipt(2n, "dropped", now);
    await f.challenges.connect(f.challenger).openInclusionChallenge(dropped, await f.sign(dropped));
    await expect(f.challenges.answerInclusionChallenge(2n, tree.proof(1))).to.be.revertedWithCustomError(f.challenges, "ChallengesInvalidProof");
    await time.increase(3601);
    const before = await f.token.balanceOf(f.challenger.address);
    await expect(f.challenges.finalize(2n)).to.emit(f.challenges, "ChallengeSettled").withArgs(2n, Outcome.InclusionUnanswered);
    expect((await f.subnet.pool(f.operator.address)).stake).to.equal(NODE_STAKE - NODE_STAKE / 10n);
    expect(await f.token.balanceOf(f.challenger.address)).to.equal(before + WAD + NODE_STAKE / 20n);
  });

  it("wrong output: a Mismatch majority slashes through the Subnet and splits its reward exactly", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const now = BigInt(await time.latest());
    const r = f.receipt(1n, "", now);
    await f.challenges.connect(f.challenger).openWrongOutputChallenge(r, await f.sign(r), [], "");
    await networkHelpers.mine();
    await f.challenges.drawCommittee(1n);
    const members = (await f.challenges.committeeOf(1n)).map((a) => f.validators.find((v) => v.address === a)!);
    expect(members.length).to.equal(3);
    for (const m of members) {
      await f.challenges.connect(m).commitVote(1n, await f.challenges.voteCommitment(1n, m.address, Vote.Mismatch, idHash(m.address)));
    }
    for (const m of members) await f.challenges.connect(m).revealVote(1n, Vote.Mismatch, idHash(m.address));
    const before = await f.token.balanceOf(f.challenger.address);
    await expect(f.challenges.finalize(1n)).to.emit(f.challenges, "ChallengeSettled").withArgs(1n, Outcome.Mismatch);
    const slashed = NODE_STAKE / 10n;
    const reward = slashed / 2n;
    const each = reward / 2n / 3n;
    expect((await f.subnet.pool(f.operator.address)).stake).to.equal(NODE_STAKE - slashed);
    for (const m of members) expect(await f.token.balanceOf(m.address)).to.equal(each);
    expect(await f.token.balanceOf(f.challenger.address)).to.equal(before + 100n * WAD + reward - 3n * each);
    expect(await f.token.balanceOf(await f.challenges.getAddress())).to.equal(0n);
  });
});
