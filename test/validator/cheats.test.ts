// node/cheats against a real in-process node: refusal rules, and each cheat as the validator's audit sees it.
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Wallet } from "ethers";
import { hashReceipt, verifyReceiptSignature, type Hex, type Tensor } from "../../client/index.js";
import { DEFAULT_TOLERANCE_POLICY } from "../../client/policy/index.js";
import { createNodeCheats, CheatsRefusedError, type CheatConfig } from "../../node/cheats/index.js";
import { startNode, type RunningNode } from "../../node/startNode.js";
import { createJsonLogger } from "../../node/log/createJsonLogger.js";
import { NodeClient } from "../../node/validator/NodeClient.js";
import { ReferenceRunner } from "../../node/validator/ReferenceRunner.js";
import { ReceiptLedger } from "../../node/validator/ReceiptLedger.js";
import { auditAnswer } from "../../node/validator/auditAnswer.js";
import { writeDifferentMlp } from "../../node/cheats/writeDifferentMlp.js";

const MLP = "models/mlp/mlp.onnx";
const AUDIT_LOG = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Hex;
const domain = { chainId: 31337n, verifyingContract: AUDIT_LOG };

describe("node/cheats", () => {
  let dir: string;
  let runner: ReferenceRunner;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "vt-cheats-"));
    writeDifferentMlp(MLP, join(dir, "wrong.onnx"));
    runner = await ReferenceRunner.load([{ name: "mlp", file: MLP }]);
  });
  after(async () => {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses unless explicitly enabled on the dev chain", async () => {
    const ok: CheatConfig = { enabled: true, mode: "noise" };
    await createNodeCheats(ok, { chainId: 31337n });
    await expectRefused(createNodeCheats({ ...ok, enabled: false }, { chainId: 31337n }), /enabled/);
    await expectRefused(createNodeCheats({ ...ok, enabled: "true" as unknown as boolean }, { chainId: 31337n }), /enabled/);
    await expectRefused(createNodeCheats(ok, { chainId: 1n }), /chain id 1 /);
    await expectRefused(createNodeCheats({ ...ok, mode: "sneaky" as never }, { chainId: 31337n }), /unknown mode/);
    await expectRefused(createNodeCheats({ ...ok, rate: 2 }, { chainId: 31337n }), /rate/);
    await expectRefused(createNodeCheats({ ...ok, mode: "wrongModel" }, { chainId: 31337n }), /wrongModelFiles/);
  });

  async function withNode(cheat: CheatConfig | undefined, fn: (node: RunningNode, client: NodeClient) => Promise<void>): Promise<void> {
    const hooks = cheat ? await createNodeCheats(cheat, { chainId: 31337n }) : undefined;
    const node = await startNode(
      { port: 0, models: [{ name: "mlp", file: MLP, maxBatchSize: 1, instances: 1 }], chainId: 31337, auditLog: AUDIT_LOG, executionProviders: ["cpu"], signingKey: Wallet.createRandom().privateKey, storePath: join(dir, `${Math.random()}.sqlite`), storeSynchronous: "normal" },
      { logger: createJsonLogger({ level: "silent" }), hooks },
    );
    try {
      await fn(node, new NodeClient(node.url));
    } finally {
      await node.close();
      await hooks?.close();
    }
  }

  const input = (seed: number): Tensor[] => [{ name: "x", datatype: "FP32", shape: [1, 16], data: Float32Array.from({ length: 16 }, (_, i) => Math.sin(seed * 7 + i)) }];

  async function audit(node: RunningNode, client: NodeClient, seed: number) {
    const inputs = input(seed);
    const { outputs, receipt } = await client.infer("mlp", inputs, `probe-${seed}`);
    return auditAnswer({ runner, policy: DEFAULT_TOLERANCE_POLICY, domain, expectedSigner: node.address, receipt, inputs, outputs });
  }

  it("an honest node passes the audit", async () => {
    await withNode(undefined, async (node, client) => {
      for (let s = 0; s < 3; s++) expect((await audit(node, client, s)).ok).to.equal(true);
    });
  });

  for (const mode of ["random", "noise", "wrongModel"] as const) {
    it(`${mode}: the receipt commits to falsified outputs and re-execution rejects them`, async () => {
      const cheat: CheatConfig = { enabled: true, mode, rate: 1, wrongModelFiles: { mlp: join(dir, "wrong.onnx") } };
      await withNode(cheat, async (node, client) => {
        for (let s = 0; s < 3; s++) {
          const a = await audit(node, client, s);
          expect(a.failure, a.detail).to.equal("policy");
          expect(a.verdict!.failures.map((f) => f.metric)).to.include("relAbsError");
        }
      });
    });
  }

  it("omission: the answer's signed receipt is never stored (its seq is reused)", async () => {
    await withNode({ enabled: true, mode: "omission", rate: 1 }, async (node, client) => {
      const first = await client.infer("mlp", input(1), "a");
      expect(verifyReceiptSignature(first.receipt, domain, node.address)).to.equal(true);
      expect(await client.receipt(first.receipt.requestId)).to.equal(undefined);
      const second = await client.infer("mlp", input(2), "b");
      expect(second.receipt.seq).to.equal(first.receipt.seq);
    });
  });

  it("doubleSign: a second valid receipt for an already used seq, caught by the ledger", async () => {
    await withNode({ enabled: true, mode: "doubleSign", rate: 1 }, async (node, client) => {
      const ledger = new ReceiptLedger();
      const a = await client.infer("mlp", input(1), "a");
      const b = await client.infer("mlp", input(2), "b");
      expect(verifyReceiptSignature(b.receipt, domain, node.address)).to.equal(true);
      expect(ledger.add(a.receipt)).to.equal(undefined);
      const conflict = ledger.add(b.receipt);
      expect(conflict && hashReceipt(conflict)).to.equal(hashReceipt(a.receipt));
      // the node stored the honest receipt of b under the next seq
      expect((await client.receipt(b.receipt.requestId))!.receipt.seq).to.equal(a.receipt.seq + 1n);
    });
  });
});

async function expectRefused(p: Promise<unknown>, re: RegExp): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(CheatsRefusedError);
    expect((e as Error).message).to.match(re);
    return;
  }
  expect.fail("expected CheatsRefusedError");
}
