// client/disputes helpers against the contract: vote commitments, receipt structs from the protocol's fast signer, enums.
import { expect } from "chai";
import { network } from "hardhat";
import { readFileSync } from "node:fs";
import { Wallet, id as idHash } from "ethers";
import { buildBatchTree, createReceiptSigner, type Hex, type SignedReceipt } from "../../client/index.js";
import { ChallengeKind } from "../../client/disputes/ChallengeKind.js";
import { ChallengeOutcome } from "../../client/disputes/ChallengeOutcome.js";
import { ChallengeStatus } from "../../client/disputes/ChallengeStatus.js";
import { DisputeArgumentError } from "../../client/disputes/DisputeArgumentError.js";
import { randomVoteSalt } from "../../client/disputes/randomVoteSalt.js";
import { toContractReceipt } from "../../client/disputes/toContractReceipt.js";
import { Vote } from "../../client/disputes/Vote.js";
import { voteCommitment } from "../../client/disputes/voteCommitment.js";
import { deployDisputes, Outcome } from "./disputesFixture.js";

const conn = await network.create();
const { networkHelpers, ethers } = conn;
const fixture = () => deployDisputes(conn);

describe("client/disputes helpers", () => {
  it("voteCommitment equals the contract's, for every vote and fresh salts", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    for (const [challengeId, vote] of [[1n, Vote.Match], [2n, Vote.Mismatch], [2n ** 200n, Vote.Mismatch]] as const) {
      const salt = randomVoteSalt();
      const voter = Wallet.createRandom().address as Hex;
      expect(voteCommitment({ challengeId, voter, vote, salt })).to.equal(await f.challenges.voteCommitment(challengeId, voter, vote, salt));
    }
    const base = { challengeId: 1n, voter: f.validators[0].address as Hex, vote: Vote.Match, salt: idHash("s") as Hex };
    expect(voteCommitment(base)).not.to.equal(voteCommitment({ ...base, vote: Vote.Mismatch }));
    expect(voteCommitment(base)).not.to.equal(voteCommitment({ ...base, voter: f.validators[1].address as Hex }));
    expect(randomVoteSalt()).to.match(/^0x[0-9a-f]{64}$/);
    expect(randomVoteSalt()).not.to.equal(randomVoteSalt());
  });

  it("voteCommitment refuses malformed arguments with DisputeArgumentError", () => {
    const ok = { challengeId: 1n, voter: Wallet.createRandom().address as Hex, vote: Vote.Match, salt: idHash("s") as Hex };
    const bad = [
      { ...ok, challengeId: -1n },
      { ...ok, challengeId: 1 as unknown as bigint },
      { ...ok, voter: "0x1234" as Hex },
      { ...ok, vote: Vote.None },
      { ...ok, vote: 3 as Vote },
      { ...ok, salt: "0x12" as Hex },
    ];
    for (const args of bad) expect(() => voteCommitment(args)).to.throw(DisputeArgumentError);
  });

  it("toContractReceipt takes the protocol signer's receipts into every challenge kind", async () => {
    const f = await networkHelpers.loadFixture(fixture);
    const key = Wallet.createRandom().connect(ethers.provider);
    await f.owner.sendTransaction({ to: key.address, value: 10n ** 18n });
    await f.subnet.setOperator(key.address, f.operator.address);
    const domain = { chainId: f.chainId, verifyingContract: (await f.auditLog.getAddress()) as Hex };
    const signer = createReceiptSigner({ privateKey: key.privateKey as Hex, domain });
    const now = BigInt(await networkHelpers.time.latest());
    const mk = (seq: bigint, out: string) =>
      signer.signWithLeaf({ requestId: idHash(`r${seq}`) as Hex, modelHash: idHash("m") as Hex, inputDigest: idHash(`i${seq}`) as Hex, outputDigest: idHash(out) as Hex, seq, timestamp: now });
    const batch = [mk(1n, "o1"), mk(2n, "o2"), mk(3n, "o3")];
    const tree = buildBatchTree(batch.map((b) => b.leaf));
    await f.auditLog.connect(key).commitBatch(tree.root, 1n, 3n);
    const signed = (i: number): SignedReceipt => batch[i].receipt;

    // Wrong output on a receipt proved included (no signature).
    await f.challenges.connect(f.challenger).openWrongOutputChallenge(toContractReceipt(signed(1)), "0x", tree.getProof(1), "");
    expect((await f.challenges.getChallenge(1n)).receiptHash).to.equal(batch[1].leaf);
    // Inclusion: the committed receipt is answered with the protocol's proof.
    await f.challenges.connect(f.challenger).openInclusionChallenge(toContractReceipt(signed(2)), signed(2).signature);
    await expect(f.challenges.answerInclusionChallenge(2n, tree.getProof(2))).to.emit(f.challenges, "ChallengeSettled").withArgs(2n, Outcome.InclusionProved);
    // Double-sign: another receipt for seq 3.
    const other = mk(3n, "forged").receipt;
    await expect(f.challenges.proveDoubleSign(toContractReceipt(signed(2)), signed(2).signature, toContractReceipt(other), other.signature))
      .to.emit(f.challenges, "ChallengeSettled")
      .withArgs(3n, Outcome.DoubleSigned);
  });

  it("toContractReceipt refuses malformed fields", () => {
    const r = {
      requestId: idHash("a") as Hex, modelHash: idHash("b") as Hex, inputDigest: idHash("c") as Hex, outputDigest: idHash("d") as Hex,
      node: Wallet.createRandom().address as Hex, seq: 1n, timestamp: 2n,
    };
    expect(toContractReceipt({ ...r, node: r.node.toLowerCase() as Hex }).node).to.equal(r.node);
    for (const bad of [{ requestId: "0x12" }, { node: "0xzz" }, { seq: 2n ** 64n }, { timestamp: -1n }, { seq: 1 }]) {
      expect(() => toContractReceipt({ ...r, ...bad } as typeof r)).to.throw(DisputeArgumentError);
    }
  });

  it("enums list the Solidity enum members in order", () => {
    const source = readFileSync("contracts/interfaces/IChallenges.sol", "utf8");
    const members = (name: string) =>
      source.match(new RegExp(`enum ${name} \\{([^}]*)\\}`))![1].replace(/\/\/\/.*$/gm, "").split(",").map((s) => s.trim());
    expect(Object.keys(ChallengeKind)).to.deep.equal(members("ChallengeKind"));
    expect(Object.keys(ChallengeStatus)).to.deep.equal(members("ChallengeStatus"));
    expect(Object.keys(ChallengeOutcome)).to.deep.equal(members("Outcome"));
    expect(Object.keys(Vote)).to.deep.equal(members("Vote"));
    for (const e of [ChallengeKind, ChallengeStatus, ChallengeOutcome, Vote]) expect(Object.values(e)).to.deep.equal(Object.keys(e).map((_, i) => i));
  });
});
