// Suite: the SDK and the CLI against a live devnet (discovery, binary inference, inclusion, staking, challenges, errors).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { getAddress, parseUnits } from "ethers";
import { createReceiptSigner, type Tensor } from "../../client/index.js";
import { createClient } from "../../client/sdk/createClient.js";
import { modelHashOf } from "../../client/sdk/modelHashOf.js";
import { InclusionProofError } from "../../client/sdk/errors/InclusionProofError.js";
import { ReceiptSignatureMismatchError } from "../../client/sdk/errors/ReceiptSignatureMismatchError.js";
import { SignerRequiredError } from "../../client/sdk/errors/SignerRequiredError.js";
import { UnknownModelError } from "../../client/sdk/errors/UnknownModelError.js";
import { devActors } from "../../scripts/devnet/devAccounts.js";
import type { TestDevnet } from "./devnetFixture.js";

const TOKEN = 10n ** 18n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A deterministic PaddleOCR-cls input: x FP32 [1, 3, 48, 192]. */
function clsInput(): Tensor {
  return { name: "x", datatype: "FP32", shape: [1, 3, 48, 192], data: Float32Array.from({ length: 3 * 48 * 192 }, (_, i) => Math.sin(i / 97) * 0.8) };
}

/**
 * Registers the SDK/CLI tests against the devnet `getNet()` returns.
 *
 * @example
 * sdkSuite(() => net);
 */
export function sdkSuite(getNet: () => TestDevnet): void {
  describe("SDK and CLI on the devnet", function () {
    it("discovers active nodes ranked by price, latency and carbon (the jailed cheater is left out)", async () => {
      const { devnet } = getNet();
      const user = devnet.clients.user;
      const [n1, n2] = devnet.nodes;
      const byPrice = await user.discoverNodes({ model: "mlp", prefer: "price" });
      expect(byPrice.map((n) => n.endpoint)).to.deep.equal([n2.endpoint, n1.endpoint]);
      const green = await user.discoverNodes({ model: "mlp", prefer: "low-carbon" });
      expect(green[0].endpoint).to.equal(n1.endpoint);
      const fast = await user.discoverNodes({ model: "mlp", prefer: "latency" });
      expect(fast).to.have.length(2);
      expect(fast[0].stats?.p50Ms).to.be.a("number");
    });

    it("runs a real model over the binary extension and proves the receipt's inclusion on-chain", async () => {
      const { devnet } = getNet();
      const user = devnet.clients.user;
      const res = await user.infer({ model: "paddle-cls", inputs: [clsInput()], binary: true, prefer: "price" });
      expect(res.outputs[0].shape).to.deep.equal([1, 2]);
      const probs = Array.from(res.outputs[0].data as Float32Array);
      expect(Math.abs(probs[0] + probs[1] - 1)).to.be.lessThan(1e-4);
      const inclusion = await user.waitForInclusion(res.receipt, { endpoint: res.node.endpoint, timeoutMs: 30_000 });
      expect(inclusion.firstSeq <= res.receipt.seq && res.receipt.seq <= inclusion.lastSeq).to.equal(true);
      const verified = await user.verifyReceipt(res.receipt, { timeoutMs: 10_000 });
      expect(verified.node.endpoint).to.equal(res.node.endpoint);
    });

    it("rejects a tampered inclusion proof, and an honest node survives an inclusion challenge", async () => {
      const { devnet } = getNet();
      const user = devnet.clients.user;
      const x: Tensor = { name: "x", datatype: "FP32", shape: [1, 16], data: new Float32Array(16).fill(0.125) };
      const { receipt, node } = await user.infer({ model: "mlp", inputs: [x], prefer: "low-carbon" });
      const inc = await user.waitForInclusion(receipt, { endpoint: node.endpoint, timeoutMs: 30_000 });
      const fakeRoot = ("0x" + "11".repeat(32)) as `0x${string}`;
      const e1 = await user.verifyInclusion({ receipt, root: fakeRoot, proof: inc.proof }).catch((e) => e);
      expect(e1).to.be.instanceOf(InclusionProofError);
      expect(e1.message).to.match(/inclusion challenge/);
      if (inc.proof.length > 0) {
        const e2 = await user.verifyInclusion({ receipt, root: inc.leaf, proof: [] }).catch((e) => e);
        expect(e2).to.be.instanceOf(InclusionProofError);
        expect(e2.message).to.match(/does not match/);
      }
      // A frivolous inclusion challenge: the receipt is committed, so it is answered with its proof.
      const stakeBefore = (await user.listNodes()).find((n) => n.endpoint === node.endpoint)!.stake;
      const { challengeId } = await user.challengeInclusion(receipt);
      await user.answerInclusionChallenge(challengeId, inc.proof).catch((e) => {
        // A validator's keeper may have answered first: then the challenge is no longer awaiting a response.
        if (!/ChallengesWrongStatus/.test(String(e?.message))) throw e;
      });
      const settled = (await user.listChallenges({ node: receipt.node })).find((c) => c.id === challengeId)!;
      expect(settled.outcome).to.equal("InclusionProved");
      expect((await user.listNodes()).find((n) => n.endpoint === node.endpoint)!.stake >= stakeBefore).to.equal(true);
    });

    it("rejects an answer whose receipt is not signed by the node's registered key", async () => {
      const { devnet } = getNet();
      const user = devnet.clients.user;
      const nodes = await user.listNodes();
      const n1 = nodes.find((n) => n.endpoint === devnet.nodes[0].endpoint)!;
      const impostor = { ...n1, signingKey: getAddress(devnet.nodes[1].signer.address) as `0x${string}` };
      const x: Tensor = { name: "x", datatype: "FP32", shape: [1, 16], data: new Float32Array(16).fill(0.25) };
      const err = await user.infer({ model: "mlp", inputs: [x], node: impostor }).catch((e) => e);
      expect(err).to.be.instanceOf(ReceiptSignatureMismatchError);
      expect(err.message).to.match(/discard it/);
    });

    it("delegates, undelegates, withdraws after unbonding, and lists positions", async () => {
      const { devnet } = getNet();
      const d = devnet.clients.delegator;
      const me = await d.context.signer!.getAddress();
      const op = devnet.nodes[1].operator.address;
      await d.delegate(op, 100n * TOKEN);
      let pos = (await d.positions(me)).find((p) => getAddress(p.operator) === getAddress(op))!;
      expect(pos.kind).to.equal("node");
      expect(pos.stake >= 99n * TOKEN && pos.stake <= 100n * TOKEN).to.equal(true);
      const { releaseBlock } = await d.undelegate(op, 40n * TOKEN);
      pos = (await d.positions(me)).find((p) => getAddress(p.operator) === getAddress(op))!;
      expect(pos.entries).to.have.length(1);
      expect(pos.unbonding >= 39n * TOKEN && pos.unbonding <= 40n * TOKEN).to.equal(true);
      while ((await d.context.provider.getBlockNumber()) < releaseBlock) await sleep(500);
      const { withdrawn } = await d.withdraw();
      expect(withdrawn).to.equal(pos.unbonding);
    });

    it("reads the cheater's settled challenge and slash", async () => {
      const { devnet } = getNet();
      const list = await devnet.clients.user.listChallenges({ node: devnet.nodes[2].signer.address });
      const settled = list.filter((c) => c.status === "Settled" && c.outcome === "Mismatch");
      expect(settled.length).to.be.greaterThan(0);
      expect(settled[0].slashed > 0n).to.equal(true);
      expect(settled[0].kind).to.equal("WrongOutput");
    });

    it("registers a validator that commits and reveals weights with the SDK helpers", async () => {
      const { devnet } = getNet();
      const v = devnet.clients.user;
      const me = await v.context.signer!.getAddress();
      await v.registerValidator(200n * TOKEN);
      const waitPhase = async (phase: "commit" | "reveal") => {
        for (let info = await v.epochInfo(); ; info = await v.epochInfo()) {
          // Leave 3 blocks of margin so the transaction lands inside the window.
          const offset = info.block - info.epochStartBlock;
          if (phase === "commit" && offset < info.commitBlocks - 3 && info.finalized >= info.epoch - 1) return info;
          if (phase === "reveal" && offset >= info.commitBlocks && offset < info.epochLength - 3) return info;
          await sleep(250);
        }
      };
      const nodes = (await v.listNodes()).filter((n) => n.active);
      await waitPhase("commit");
      const committed = await v.commitWeights({ nodeIds: nodes.map((n) => n.slot).reverse(), weights: nodes.map((_, i) => 65535 - i * 1000).reverse() });
      expect(committed.nodeIds).to.deep.equal([...committed.nodeIds].sort((a, b) => a - b));
      const info = await waitPhase("reveal");
      expect(BigInt(info.epoch)).to.equal(committed.epoch);
      await v.revealWeights(committed);
      const [ids, weights] = await v.context.contracts.subnet.epochWeights(committed.epoch, me);
      expect([...ids].map(Number)).to.deep.equal(committed.nodeIds);
      expect([...weights].map(Number)).to.deep.equal(committed.weights);
    });

    it("registers a model from the CLI and explains a duplicate", () => {
      const { devnet } = getNet();
      const dir = mkdtempSync(join(tmpdir(), "veritensor-model-"));
      const file = join(dir, "tiny.onnx");
      writeFileSync(file, Buffer.from(`not really onnx ${Date.now()}`));
      const env = { ...process.env, VERITENSOR_RPC_URL: devnet.rpcUrl, VERITENSOR_ADDRESSES: devnet.addressesFile, VERITENSOR_PRIVATE_KEY: devnet.nodes[0].operator.privateKey };
      const run = () => spawnSync(process.execPath, ["client/cli/bin.js", "--json", "models", "register", file, "--name", "tiny"], { env, encoding: "utf8" });
      const first = run();
      expect(first.status, first.stderr).to.equal(0);
      expect(JSON.parse(first.stdout).modelHash).to.equal(modelHashOf(readFileSync(file)));
      const again = run();
      expect(again.status).to.equal(1);
      expect(JSON.parse(again.stdout).error).to.match(/ModelRegistryDuplicateModel/);
      rmSync(dir, { recursive: true, force: true });
    });

    it("finalises epochs and reads their results from the CLI", () => {
      const { devnet } = getNet();
      const env = { ...process.env, VERITENSOR_RPC_URL: devnet.rpcUrl, VERITENSOR_ADDRESSES: devnet.addressesFile, VERITENSOR_PRIVATE_KEY: devnet.nodes[0].operator.privateKey };
      const cli = (...args: string[]) => spawnSync(process.execPath, ["client/cli/bin.js", "--json", "epoch", ...args], { env, encoding: "utf8" });
      const fin = cli("finalize");
      expect(fin.status, fin.stderr).to.equal(0);
      const f = JSON.parse(fin.stdout);
      expect(f.finalized).to.be.an("array"); // the validators may have finalised every epoch that is over already
      expect(f.transactions).to.be.at.least(f.finalized.length);
      const res = cli("results");
      expect(res.status, res.stderr).to.equal(0);
      const r = JSON.parse(res.stdout);
      expect(r.epoch).to.be.a("number");
      expect(r.nodes).to.have.length(3);
      expect(r.validators.length).to.be.at.least(1);
      const bad = cli("finalize", "--max-steps", "0");
      expect(bad.status).to.equal(1);
      expect(JSON.parse(bad.stdout).error).to.match(/--max-steps must be a positive integer/);
    });

    it("says what to do on bad input: unknown model, read-only client", async () => {
      const { devnet } = getNet();
      const err = await devnet.clients.user.infer({ model: "no-such-model", inputs: [] }).catch((e) => e);
      expect(err).to.be.instanceOf(UnknownModelError);
      expect(err.message).to.match(/veritensor models list/);
      const readOnly = createClient({ rpcUrl: devnet.rpcUrl, addresses: devnet.addresses });
      const e2 = await readOnly.delegate(devnet.nodes[0].operator.address, parseUnits("1", 18)).catch((e) => e);
      expect(e2).to.be.instanceOf(SignerRequiredError);
      expect(e2.message).to.match(/privateKey/);
      readOnly.context.provider.destroy();
    });

    it("serves the same data through the veritensor CLI with --json", () => {
      const { devnet } = getNet();
      const env = { ...process.env, VERITENSOR_RPC_URL: devnet.rpcUrl, VERITENSOR_ADDRESSES: devnet.addressesFile };
      const status = spawnSync(process.execPath, ["client/cli/bin.js", "--json", "status"], { env, encoding: "utf8" });
      expect(status.status, status.stderr).to.equal(0);
      const s = JSON.parse(status.stdout);
      expect(s.nodes).to.have.length(3);
      expect(s.validators.length).to.be.at.least(2);
      const models = spawnSync(process.execPath, ["client/cli/bin.js", "models", "list", "--json"], { env, encoding: "utf8" });
      expect(JSON.parse(models.stdout).map((m: { name: string }) => m.name)).to.include("paddle-cls");
      const bad = spawnSync(process.execPath, ["client/cli/bin.js", "--json", "stake", "positions"], { env: { ...env, VERITENSOR_PRIVATE_KEY: "" }, encoding: "utf8" });
      expect(bad.status).to.equal(1);
      expect(JSON.parse(bad.stdout).error).to.match(/--key/);
      // A write command: without --json the result is indented JSON with token amounts in VTS.
      const claimEnv = { ...env, VERITENSOR_PRIVATE_KEY: devActors().delegator.privateKey };
      const claim = spawnSync(process.execPath, ["client/cli/bin.js", "stake", "claim", devnet.nodes[0].operator.address], { env: claimEnv, encoding: "utf8" });
      expect(claim.status, claim.stderr).to.equal(0);
      const claimed = JSON.parse(claim.stdout);
      expect(claimed.claimed).to.match(/^\d+\.\d+$/);
      expect(claimed.txHashes).to.have.length(1);
    });

    // Last: it slashes node-2 (whose key we hold on the devnet) to prove the SDK's double-sign helper.
    it("proves a double-sign with two receipts of one seq and slashes at once", async () => {
      const { devnet } = getNet();
      const user = devnet.clients.user;
      const n2 = devnet.nodes[1];
      const signer = createReceiptSigner({ privateKey: n2.signer.privateKey, domain: user.context.domain });
      const base = { requestId: ("0x" + "0a".repeat(32)) as `0x${string}`, modelHash: devnet.addresses.models[0].modelHash, inputDigest: ("0x" + "01".repeat(32)) as `0x${string}`, seq: 1_000_000n, timestamp: BigInt(Math.floor(Date.now() / 1000)) };
      const a = signer.sign({ ...base, outputDigest: ("0x" + "02".repeat(32)) as `0x${string}` });
      const b = signer.sign({ ...base, outputDigest: ("0x" + "03".repeat(32)) as `0x${string}` });
      const { slashed, challengeId } = await user.proveDoubleSign(a, b);
      expect(slashed > 0n).to.equal(true);
      const c = (await user.listChallenges({ node: n2.signer.address })).find((x) => x.id === challengeId)!;
      expect(c).to.include({ kind: "DoubleSign", outcome: "DoubleSigned" });
      const again = await user.proveDoubleSign(a, b).catch((e) => e);
      expect(again.message).to.match(/ChallengesDoubleSignAlreadyProved/);
    });
  });
}
