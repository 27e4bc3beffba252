// The test-only misbehaviour hooks: output transforms are signed as served; a dropped receipt frees its seq; a hook can double-sign.
import { expect } from "chai";
import { decodeJsonTensor, ioDigest, receiptFromJson, type SignedReceipt } from "../../client/index.js";
import { startTestNode, postJson, MLP } from "./nodeFixture.js";
import type { NodeHooks } from "../../node/hooks/NodeHooks.js";

describe("node hooks (for node/cheats)", function () {
  it("signs transformed outputs, releases the seq of a dropped receipt and lets a hook sign a second receipt", async () => {
    let n = 0;
    const doubles: SignedReceipt[] = [];
    const hooks: NodeHooks = {
      outputTransform: (outputs) => outputs.map((t) => ({ ...t, data: new Float32Array(t.data.length).fill(7) })),
      receiptHook: (receipt, ctx) => {
        n++;
        if (n === 2) return { store: false }; // dropped: never stored, seq handed out again
        if (n === 3) {
          const other = ctx.sign({ ...receipt, outputDigest: `0x${"00".repeat(32)}` });
          doubles.push(other);
          return { store: true, respond: other };
        }
        return { store: true };
      },
    };
    const { node, cleanup } = await startTestNode({ models: [{ name: "mlp", file: MLP }] }, { hooks });
    try {
      const res = [];
      for (let i = 0; i < 3; i++) {
        res.push(await postJson(`${node.url}/v2/models/mlp/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: new Array(16).fill(i) }] }));
      }
      expect(res[0].json.outputs[0].data).to.deep.equal([7, 7, 7, 7]);
      const r0 = receiptFromJson(res[0].json.parameters.receipt);
      expect(r0.outputDigest).to.equal(ioDigest(res[0].json.outputs.map(decodeJsonTensor)));
      const r1 = receiptFromJson(res[1].json.parameters.receipt);
      const r2 = receiptFromJson(res[2].json.parameters.receipt);
      expect(r1.seq).to.equal(2n);
      expect(r2.seq).to.equal(2n); // the dropped receipt's seq was reused
      expect(node.store.bySeq(2n)!.inputDigest).to.not.equal(r1.inputDigest); // the dropped one is not what was stored
      expect(r2.signature).to.equal(doubles[0].signature);
      const stored = node.store.bySeq(2n)!;
      expect(stored.signature).to.not.equal(r2.signature); // two receipts signed for seq 2
      expect(node.store.count()).to.equal(2);
    } finally {
      await cleanup();
    }
  });
});
