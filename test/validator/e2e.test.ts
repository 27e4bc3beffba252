// End to end on a local chain: 3 honest nodes, one cheating node per mode (omission twice: unstored receipt, and a
// different leaf committed), 3 validator daemons; every cheat is detected and slashed through the Challenges
// contract (committee votes for wrong outputs, double-sign proofs, unanswered inclusion challenges), honest nodes
// never are, and weights reach the Subnet.
import { expect } from "chai";
import { network } from "hardhat";
import { receiptFromJson } from "../../client/index.js";
import type { CheatMode } from "../../node/cheats/index.js";
import { startLocalNetwork, type LocalNetwork } from "./localNetwork.js";

const { ethers } = await network.create();

const MODES: CheatMode[] = ["random", "wrongModel", "noise", "omission", "doubleSign"];
const SLASHING = new Set([1, 2, 4]); // Outcome.DoubleSigned, InclusionUnanswered, Mismatch

describe("validator e2e: detection and slashing of every cheat on a local chain", function () {
  this.timeout(150_000);
  let net: LocalNetwork;
  const stakeBefore = new Map<string, bigint>();

  before(async () => {
    net = await startLocalNetwork(ethers, {
      honestNodes: 3,
      cheats: [
        ...MODES.map((mode, i) => ({ enabled: true, mode, rate: 0.5, seed: 11 + i })),
        { enabled: true, mode: "omission", omission: "wrongLeaf", rate: 0.5, seed: 99 },
      ],
      validators: 3,
      validatorConfig: { inclusionGraceMs: 3000 },
      challengeParams: { commitWindow: 600n, responseWindow: 10n, voteCommitWindow: 60n, voteRevealWindow: 60n, drawDelay: 1n, committeeSize: 2, inclusionBond: 10n ** 18n, wrongOutputBond: 10n ** 19n },
    });
    for (const n of net.nodes) stakeBefore.set(n.name, (await net.contracts.subnet.pool(n.operator.address)).stake);
  });
  after(async () => net?.close());

  it("slashes each cheating node and never an honest one", async () => {
    const { challenges } = net.contracts;
    const cheaters = net.nodes.filter((n) => n.cheats);
    const slashedBy = async () => {
      const logs = await challenges.queryFilter(challenges.filters.NodeSlashed());
      return new Set<string>(logs.map((l: any) => String(l.args.node).toLowerCase()));
    };
    const deadline = Date.now() + 100_000;
    const minimum = Date.now() + 8_000; // long past the inclusion grace, so honest receipts go through every check
    let slashed = new Set<string>();
    while (Date.now() < deadline) {
      slashed = await slashedBy();
      if (Date.now() > minimum && cheaters.every((c) => slashed.has(c.signer.toLowerCase()))) break;
      // let inclusion-challenge response windows pass (chain time only; nothing else depends on it here)
      await ethers.provider.send("evm_increaseTime", [3]);
      await ethers.provider.send("evm_mine", []);
      await new Promise((r) => setTimeout(r, 500));
    }
    const report = net.nodes.map((n) => `${n.name}: ${slashed.has(n.signer.toLowerCase()) ? "slashed" : "not slashed"} (cheated ${n.cheats?.stats().cheated ?? 0})`);
    if (process.env.E2E_DEBUG) {
      console.log(report.join("\n"));
      const all = await challenges.getChallenges(0, 1000);
      for (const c of all) console.log(String(c.receipt.node).slice(0, 10), "kind", Number(c.kind), "outcome", Number(c.outcome), "status", Number(c.status), "votes", Number(c.matchVotes), Number(c.mismatchVotes));
      for (const v of net.validators) console.log(JSON.stringify(v.stats().nodes.map((n) => [n.uid, n.probes, n.answered, n.checks, n.rejected, n.audits, n.faults.map((f) => f.kind), n.waitMs.p50?.toFixed(1)])), JSON.stringify(v.stats().committee), JSON.stringify(v.stats().weights));
    }
    for (const c of cheaters) expect(slashed.has(c.signer.toLowerCase()), report.join("\n")).to.equal(true);
    for (const h of net.nodes.filter((n) => !n.cheats)) expect(slashed.has(h.signer.toLowerCase()), report.join("\n")).to.equal(false);

    // every challenge against a cheater settled with a slashing outcome of the right kind; none against honest nodes
    const all = await challenges.getChallenges(0, 1000);
    const byNode = new Map<string, { kind: number; outcome: number }[]>();
    for (const c of all) {
      const key = String(c.receipt.node).toLowerCase();
      byNode.set(key, [...(byNode.get(key) ?? []), { kind: Number(c.kind), outcome: Number(c.outcome) }]);
    }
    for (const h of net.nodes.filter((n) => !n.cheats)) expect(byNode.get(h.signer.toLowerCase()) ?? []).to.deep.equal([]);
    for (const c of cheaters) {
      const mine = byNode.get(c.signer.toLowerCase()) ?? [];
      const slashing = mine.filter((x) => SLASHING.has(x.outcome));
      expect(slashing.length, `${c.name}: ${JSON.stringify(mine)}`).to.be.greaterThan(0);
      const mode = c.cheats!.mode;
      if (mode === "random" || mode === "noise" || mode === "wrongModel") expect(slashing.some((x) => x.kind === 3 && x.outcome === 4), c.name).to.equal(true);
      else if (c.name.endsWith("wrongLeaf")) expect(slashing.some((x) => x.kind === 2 && x.outcome === 2), c.name).to.equal(true);
      else expect(slashing.every((x) => x.kind === 1 || x.kind === 2), c.name).to.equal(true);
    }
  });

  it("takes stake from cheaters only, and the validators' measurements agree", async () => {
    for (const n of net.nodes) {
      const pool = await net.contracts.subnet.pool(n.operator.address);
      if (n.cheats) expect(pool.stake < stakeBefore.get(n.name)!, n.name).to.equal(true);
      else expect(pool.stake, n.name).to.equal(stakeBefore.get(n.name));
    }
    for (const v of net.validators) {
      const stats = v.stats();
      expect(stats.totals.inclusionProofs, "receipts proved included on-chain").to.be.greaterThan(0);
      for (const s of stats.nodes) {
        const node = net.nodes.find((n) => n.signer.toLowerCase() === s.signer.toLowerCase())!;
        if (!node.cheats) {
          expect(s.faults, `${node.name} seen by ${stats.validator}`).to.deep.equal([]);
          expect(s.rejected).to.equal(0);
          expect(s.score).to.be.greaterThan(0);
        }
      }
    }
    const res = await fetch(`${net.validators[0].url}/stats`);
    const body = (await res.json()) as any;
    expect(body.nodes.length).to.equal(net.nodes.length);
    expect(body.nodes[0].waitMs).to.have.keys(["p50", "p99"]);
  });

  it("commits and reveals weights: honest nodes weighted, slashed cheaters not", async () => {
    const { subnet } = net.contracts;
    const after = await ethers.provider.getBlockNumber(); // every cheater is slashed by now (first test)
    const deadline = Date.now() + 40_000;
    let found: { epoch: bigint; validator: string } | undefined;
    while (Date.now() < deadline && !found) {
      const commits = await subnet.queryFilter(subnet.filters.WeightsCommitted(), after + 1);
      const reveals = await subnet.queryFilter(subnet.filters.WeightsRevealed(), after + 1);
      for (const c of commits as any[]) {
        if (reveals.some((r: any) => r.args.epoch === c.args.epoch && r.args.validator === c.args.validator)) found = { epoch: c.args.epoch, validator: c.args.validator };
      }
      if (!found) {
        await ethers.provider.send("hardhat_mine", ["0x3"]);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(found, "a weight commit after the slashes, revealed").to.not.equal(undefined);
    const [ids, weights] = await subnet.epochWeights(found!.epoch, found!.validator);
    const weightOf = new Map<number, number>(ids.map((id: bigint, i: number) => [Number(id), Number(weights[i])]));
    const stats = net.validators.find((v) => v.address.toLowerCase() === String(found!.validator).toLowerCase())!.stats();
    if (process.env.E2E_DEBUG) console.log("weights", String(found!.epoch), [...weightOf.entries()]);
    for (const s of stats.nodes) {
      const node = net.nodes.find((n) => n.signer.toLowerCase() === s.signer.toLowerCase())!;
      if (node.cheats) expect(weightOf.get(Number(s.uid)) ?? 0, node.name).to.equal(0);
      else expect(weightOf.get(Number(s.uid)) ?? 0, node.name).to.be.greaterThan(0);
    }
  });

  it("protects an honest node from a frivolous inclusion challenge (a validator answers with the node's proof)", async () => {
    const { challenges, token } = net.contracts;
    const [owner] = await ethers.getSigners();
    const honest = net.nodes.find((n) => !n.cheats)!;
    const res = await fetch(`${honest.running.url}/v2/models/mlp/infer`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: Array.from({ length: 16 }, (_, i) => i / 16) }] }),
    });
    const receipt = receiptFromJson(((await res.json()) as any).parameters.receipt);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await net.contracts.auditLog.findBatch(receipt.node, receipt.seq))[0]) await new Promise((r) => setTimeout(r, 100));
    await (await token.mint(owner.address, 10n ** 20n)).wait();
    await (await token.approve(net.addresses.challenges, 2n ** 255n)).wait();
    const tuple = [receipt.requestId, receipt.modelHash, receipt.inputDigest, receipt.outputDigest, receipt.node, receipt.seq, receipt.timestamp];
    await (await challenges.openInclusionChallenge(tuple, receipt.signature)).wait();
    const id = await challenges.challengeCount();
    const until = Date.now() + 20_000;
    let c = await challenges.getChallenge(id);
    while (Date.now() < until && Number(c.status) !== 4) {
      await new Promise((r) => setTimeout(r, 100));
      c = await challenges.getChallenge(id);
    }
    expect(Number(c.outcome), "InclusionProved").to.equal(3);
    expect((await net.contracts.subnet.pool(honest.operator.address)).stake).to.equal(stakeBefore.get(honest.name));
  });
});
