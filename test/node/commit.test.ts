// The node against an in-process chain: registry checks, batches committed to AuditLog, proofs that verify on-chain.
import { expect } from "chai";
import { network } from "hardhat";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Wallet, ZeroHash, parseEther } from "ethers";
import { hashReceipt, ioSpecHash, receiptFromJson, verifyBatchProof, verifyReceiptSignature, type Hex } from "../../client/index.js";
import { startTestNode, postJson, randomFloats, expectContiguousBatches, MLP, CLS, VAD } from "./nodeFixture.js";
import type { RunningNode } from "../../node/startNode.js";

const { ethers } = await network.create();

const sha256 = (path: string) => `0x${createHash("sha256").update(readFileSync(path)).digest("hex")}` as Hex;
const WAD = 10n ** 18n;
const MLP_IO = JSON.parse(readFileSync(new URL("../../models/mlp.json", import.meta.url), "utf8")).io;

describe("node + chain: registry, committer, proofs", function () {
  let node: RunningNode;
  let cleanup: () => Promise<void>;
  let audit: any;
  let chainId: bigint;
  let auditAddress: Hex;
  let registryAddress: string;
  let registry: any;
  let policy: any;
  const key = Wallet.createRandom().privateKey;
  const nodeAddress = new Wallet(key).address;

  before(async function () {
    const [owner] = await ethers.getSigners();
    const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
    audit = await ethers.deployContract("AuditLog", [await authority.getAddress()]);
    registry = await ethers.deployContract("ModelRegistry");
    auditAddress = (await audit.getAddress()) as Hex;
    registryAddress = await registry.getAddress();
    chainId = (await ethers.provider.getNetwork()).chainId;
    await (await authority.authorizeSigner(nodeAddress)).wait();
    await (await owner.sendTransaction({ to: nodeAddress, value: parseEther("10") })).wait();
    policy = { kind: 0, minCosine: (WAD * 9999n) / 10000n, maxRelAbsError: WAD / 1000n, topK: 1 };
    // mlp with its interface declared (as the devnet's deployment does), paddle-cls without (zero: not declared).
    await (await registry.registerModel(sha256(MLP), "mlp", `file://${MLP}`, ioSpecHash(MLP_IO), policy)).wait();
    await (await registry.registerModel(sha256(CLS), "paddle-cls", `file://${CLS}`, ZeroHash, policy)).wait();
    ({ node, cleanup } = await startTestNode(
      {
        signingKey: key,
        chainId: chainId.toString(),
        auditLog: auditAddress,
        modelRegistry: registryAddress,
        models: [
          { name: "mlp", file: MLP, maxBatchSize: 64, maxQueueDelayUs: 200, instances: 1 },
          { name: "paddle-cls", file: CLS, maxBatchSize: 8, instances: 1 },
        ],
        commit: { maxBatchSize: 8, maxBatchAgeMs: 100, pollMs: 20 },
      },
      { provider: ethers.provider },
    ));
  });
  after(async () => cleanup?.());

  it("refuses a model whose sha256 is not registered", async () => {
    let err: Error | undefined;
    try {
      const t = await startTestNode({ chainId: chainId.toString(), auditLog: auditAddress, modelRegistry: registryAddress, models: [{ name: "silero-vad", file: VAD }] }, { provider: ethers.provider });
      await t.cleanup();
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.match(/sha256 0x[0-9a-f]{64}, which is not registered in the ModelRegistry/);
  });

  it("announces the model's ioSpecHash, which the registered one matches; refuses a file whose interface is not the registered one", async () => {
    const meta = (await (await fetch(`${node.url}/v2/models/mlp`)).json()) as any;
    expect(meta.ioSpecHash).to.equal(ioSpecHash(meta));
    expect(meta.ioSpecHash).to.equal((await registry.getModel(sha256(MLP))).ioSpecHash);
    const cls = (await (await fetch(`${node.url}/v2/models/paddle-cls`)).json()) as any;
    expect(cls.ioSpecHash).to.equal(ioSpecHash(cls)); // announced even when the entry declares none
    // silero-vad registered with the mlp's interface: the node must refuse it.
    await (await registry.registerModel(sha256(VAD), "silero-vad", `file://${VAD}`, ioSpecHash(MLP_IO), policy)).wait();
    let err: Error | undefined;
    try {
      const t = await startTestNode({ chainId: chainId.toString(), auditLog: auditAddress, modelRegistry: registryAddress, models: [{ name: "silero-vad", file: VAD, instances: 1 }] }, { provider: ethers.provider });
      await t.cleanup();
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.match(/its ModelRegistry entry declares ioSpecHash 0x[0-9a-f]{64}, but the file's inputs\/outputs/);
  });

  it("announces the registry's policy in model metadata", async () => {
    const meta = (await (await fetch(`${node.url}/v2/models/paddle-cls`)).json()) as any;
    expect(meta.verification_policy).to.deep.include({ kind: "tolerance", topK: 1, source: "registry" });
    expect(Math.abs(meta.verification_policy.minCosine - 0.9999)).to.be.below(1e-12);
  });

  it("commits contiguous batches whose Merkle proofs verify off-chain and on-chain", async () => {
    const receipts = [];
    for (let round = 0; round < 4; round++) {
      const res = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          i % 2 === 0
            ? postJson(`${node.url}/v2/models/mlp/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: Array.from(randomFloats(16, round * 10 + i + 1)) }] })
            : postJson(`${node.url}/v2/models/paddle-cls/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 3, 48, 64], data: Array.from(randomFloats(3 * 48 * 64, i)) }] }),
        ),
      );
      for (const r of res) {
        expect(r.status, JSON.stringify(r.json)).to.equal(200);
        receipts.push(receiptFromJson(r.json.parameters.receipt));
      }
    }
    const domain = { chainId, verifyingContract: auditAddress };
    const deadline = Date.now() + 20_000;
    for (const receipt of receipts) {
      expect(verifyReceiptSignature(receipt, domain, nodeAddress as Hex)).to.equal(true);
      let body;
      do {
        body = (await (await fetch(`${node.url}/v2/receipts/${receipt.requestId}`)).json()) as any;
        if (body.status !== "committed") await new Promise((r) => setTimeout(r, 50));
      } while (body.status !== "committed" && Date.now() < deadline);
      expect(body.status).to.equal("committed");
      expect(body.txHash).to.match(/^0x[0-9a-f]{64}$/);
      const leaf = hashReceipt(receipt);
      expect(body.leaf).to.equal(leaf);
      expect(verifyBatchProof(leaf, body.proof, body.root)).to.equal(true);
      const struct = { requestId: receipt.requestId, modelHash: receipt.modelHash, inputDigest: receipt.inputDigest, outputDigest: receipt.outputDigest, node: receipt.node, seq: receipt.seq, timestamp: receipt.timestamp };
      expect(await audit.verifyReceipt(struct, body.proof)).to.equal(true);
      const tampered = { ...struct, outputDigest: ZeroHash };
      expect(await audit.verifyReceipt(tampered, body.proof)).to.equal(false);
    }
    const last = receipts.reduce((m, r) => (r.seq > m ? r.seq : m), 0n);
    expect(await audit.nextSeq(nodeAddress)).to.equal(last + 1n);
    expect(await expectContiguousBatches(audit, nodeAddress)).to.be.at.least(3); // 20 receipts, at most 8 per batch
    const metrics = await (await fetch(`${node.url}/metrics`)).text();
    expect(metrics).to.match(/veritensor_receipts_committed 20/);
    expect(metrics).to.match(/veritensor_receipts_pending 0/);
  });
});
