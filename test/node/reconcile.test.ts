// Committer restart safety: adopts a batch the chain has but the store never recorded; refuses a store that is behind the chain.
import { expect } from "chai";
import { join } from "node:path";
import { network } from "hardhat";
import { Wallet, parseEther, Contract } from "ethers";
import { buildBatchTree, hashReceipt, receiptFromJson, type Hex } from "../../client/index.js";
import { startTestNode, postJson, MLP } from "./nodeFixture.js";
import { auditLogAbi } from "../../node/chain/auditLogAbi.js";

const { ethers } = await network.create();

describe("node committer: reconcile with the chain on start", function () {
  it("adopts an on-chain batch missing from the store, then commits the rest contiguously", async () => {
    const [owner] = await ethers.getSigners();
    const authority = await ethers.deployContract("OwnedNodeAuthority", [owner.address]);
    const audit = await ethers.deployContract("AuditLog", [await authority.getAddress()]);
    const auditLog = (await audit.getAddress()) as Hex;
    const chainId = (await ethers.provider.getNetwork()).chainId.toString();
    const key = Wallet.createRandom().privateKey;
    const nodeWallet = new Wallet(key, ethers.provider);
    await (await authority.authorizeSigner(nodeWallet.address)).wait();
    await (await owner.sendTransaction({ to: nodeWallet.address, value: parseEther("1") })).wait();
    const models = [{ name: "mlp", file: MLP, maxBatchSize: 1 }];
    const body = (i: number) => ({ inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: new Array(16).fill(i) }] });

    // 1. serve without a chain: 3 receipts stored, none committed
    const first = await startTestNode({ signingKey: key, chainId, auditLog, models });
    const storePath = join(first.dir, "receipts.sqlite");
    const receipts = [];
    for (let i = 0; i < 3; i++) receipts.push(receiptFromJson((await postJson(`${first.node.url}/v2/models/mlp/infer`, body(i))).json.parameters.receipt));
    await first.node.close();

    // 2. a commit of seq 1..2 lands on-chain but the store never heard of it (crash before recording the tx)
    const root = buildBatchTree(receipts.slice(0, 2).map((r) => hashReceipt(r))).root;
    await (await new Contract(auditLog, auditLogAbi, nodeWallet).commitBatch(root, 1n, 2n)).wait();

    // 3. restart with the chain: the committer adopts batch 1..2 and commits 3.. after it
    const second = await startTestNode(
      { signingKey: key, chainId, auditLog, models, storePath, commit: { maxBatchAgeMs: 50, pollMs: 20 } },
      { provider: ethers.provider },
    );
    try {
      receipts.push(receiptFromJson((await postJson(`${second.node.url}/v2/models/mlp/infer`, body(9))).json.parameters.receipt));
      expect(receipts[3].seq).to.equal(4n);
      const deadline = Date.now() + 10_000;
      while ((await audit.nextSeq(nodeWallet.address)) < 5n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await audit.nextSeq(nodeWallet.address)).to.equal(5n);
      const b1 = await audit.batchAt(nodeWallet.address, 1);
      expect(b1.firstSeq).to.equal(3n);
      for (const r of receipts) {
        const s = (await (await fetch(`${second.node.url}/v2/receipts/${r.requestId}`)).json()) as any;
        expect(s.status).to.equal("committed");
        const { signature: _sig, ...struct } = r;
        expect(await audit.verifyReceipt(struct, s.proof)).to.equal(true);
      }
    } finally {
      await second.node.close();
    }

    // 4. a fresh store for the same key while the chain already holds seq 1..4: refused, seqs would repeat
    let err: Error | undefined;
    try {
      const t = await startTestNode({ signingKey: key, chainId, auditLog, models }, { provider: ethers.provider });
      await t.cleanup();
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.match(/refusing to reuse seqs/);
    await first.cleanup();
  });
});
