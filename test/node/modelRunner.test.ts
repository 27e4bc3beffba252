// The runtime's dynamic batcher: merged executions split back exactly, padding to a constant batch size, warm-up.
import { expect } from "chai";
import { ModelRunner } from "../../node/runtime/ModelRunner.js";
import type { RawTensor } from "../../node/runtime/RawTensor.js";
import { MLP, randomFloats } from "./nodeFixture.js";

const x = (rows: number, seed: number): RawTensor[] => [{ name: "x", type: "float32", dims: [rows, 16], data: randomFloats(rows * 16, seed) }];

async function runner(padBatches: boolean): Promise<ModelRunner> {
  return ModelRunner.create({ name: "mlp", modelPath: MLP, instances: 1, executionProviders: ["cpu"], intraOpNumThreads: 1, maxBatchSize: 16, maxQueueDelayUs: 50_000, maxQueueSize: 64, timeoutMs: 10_000, padBatches });
}

describe("node runtime: ModelRunner batching", function () {
  for (const pad of [false, true]) {
    it(`merges concurrent requests into one execution and splits the rows back (padding ${pad ? "on" : "off"})`, async () => {
      const r = await runner(pad);
      try {
        await r.warmup([{ x: [16] }]);
        const rows = [1, 2, 3, 1];
        const single: Awaited<ReturnType<ModelRunner["infer"]>>[] = [];
        for (let i = 0; i < rows.length; i++) single.push(await r.infer(x(rows[i], 10 + i)));
        const together = await Promise.all(rows.map((n, i) => r.infer(x(n, 10 + i))));
        together.forEach((o, i) => {
          expect(o.batchRequests).to.equal(4);
          expect(o.batchSize).to.equal(7);
          expect(o.outputs[0].dims).to.deep.equal([rows[i], 4]);
          const got = o.outputs[0].data as Float32Array;
          const want = single[i].outputs[0].data as Float32Array;
          got.forEach((v, k) => expect(Math.abs(v - want[k])).to.be.below(1e-5));
        });
        expect(r.padBuckets).to.equal(pad);
      } finally {
        await r.close();
      }
    });
  }
});
