// The runtime's dynamic batcher: merged executions split back exactly, padding to a constant batch size, warm-up.
import { expect } from "chai";
import { ModelRunner, type ExecutionReport } from "../../node/runtime/ModelRunner.js";
import type { ModelRunnerOptions } from "../../node/runtime/ModelRunnerOptions.js";
import type { RawTensor } from "../../node/runtime/RawTensor.js";
import type { WorkerClient } from "../../node/runtime/WorkerClient.js";
import type { InferOutcome } from "../../node/runtime/InferOutcome.js";
import { loadModelConfigs } from "../../node/models/loadModelConfigs.js";
import { MLP, CLS, REC, VAD, randomFloats, rejection, startTestNode, postJson } from "./nodeFixture.js";

const x = (rows: number, seed: number): RawTensor[] => [{ name: "x", type: "float32", dims: [rows, 16], data: randomFloats(rows * 16, seed) }];

/** `rows` rows of input `x` with non-batch dims `rest`, deterministic per seed. */
const feed = (rest: number[], rows: number, seed: number): RawTensor[] => {
  const n = rows * rest.reduce((a, b) => a * b, 1);
  return [{ name: "x", type: "float32", dims: [rows, ...rest], data: randomFloats(n, seed) }];
};

async function runner(padBatches: boolean): Promise<ModelRunner> {
  return ModelRunner.create({ name: "mlp", modelPath: MLP, instances: 1, executionProviders: ["cpu"], intraOpNumThreads: 1, maxBatchSize: 16, maxQueueDelayUs: 50_000, maxQueueSize: 64, timeoutMs: 10_000, padBatches });
}

/** A CPU runner with a long enough queue delay that concurrent requests are reliably merged. */
function cpuRunner(modelPath: string, o: Partial<ModelRunnerOptions>): Promise<ModelRunner> {
  return ModelRunner.create({ name: "m", modelPath, instances: 1, executionProviders: ["cpu"], intraOpNumThreads: 1, maxBatchSize: 8, maxQueueDelayUs: 50_000, maxQueueSize: 64, timeoutMs: 30_000, ...o });
}

/** Records the feed dims of every run the runner's workers get, in order; the runs themselves stay real. */
function recordRuns(r: ModelRunner): number[][][] {
  const runs: number[][][] = [];
  for (const w of (r as unknown as { workers: Set<WorkerClient> }).workers) {
    const run = w.run.bind(w);
    w.run = (feeds) => {
      runs.push(feeds.map((f) => [...f.dims]));
      return run(feeds);
    };
  }
  return runs;
}

/** Exact equality of one request's outputs (CPU kernels give bit-identical rows whatever the batch size or padding). */
function expectSameOutputs(got: InferOutcome, want: InferOutcome, what: string): void {
  expect(got.outputs.map((o) => [o.name, o.type, o.dims]), what).to.deep.equal(want.outputs.map((o) => [o.name, o.type, o.dims]));
  got.outputs.forEach((o, i) => expect(Buffer.from(o.data.buffer, o.data.byteOffset, o.data.byteLength).equals(Buffer.from(want.outputs[i].data.buffer, want.outputs[i].data.byteOffset, want.outputs[i].data.byteLength)), `${what}: ${o.name}`).to.equal(true));
}

/** A counter's value for one model in a Prometheus text page (0 when never incremented). */
function metric(text: string, name: string, model: string): number {
  const m = text.match(new RegExp(`^${name}\\{model="${model}",version="1"\\} (\\S+)$`, "m"));
  return m ? Number(m[1]) : 0;
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

describe("node runtime: ModelRunner padding (padBatches on CPU)", function () {
  const models = [
    { name: "mlp", path: MLP, rest: [16] },
    { name: "paddle-cls", path: CLS, rest: [3, 48, 192] },
  ];
  for (const { name, path, rest } of models) {
    describe(name, function () {
      let plain: ModelRunner;
      let padded: ModelRunner;
      before(async () => {
        plain = await cpuRunner(path, { padBatches: false });
        padded = await cpuRunner(path, { padBatches: true });
      });
      after(async () => {
        await plain?.close();
        await padded?.close();
      });

      it("runs requests of 1..3 rows as one execution padded to maxBatchSize; each gets exactly its own rows, counted without padding", async () => {
        expect(padded.padBuckets).to.equal(true);
        expect(plain.padBuckets).to.equal(false);
        const rows = [1, 2, 3];
        const alone: InferOutcome[] = [];
        for (let i = 0; i < rows.length; i++) alone.push(await plain.infer(feed(rest, rows[i], 20 + i)));
        const reports: ExecutionReport[] = [];
        padded.onExecution = (r) => reports.push(r);
        const runs = recordRuns(padded);
        const together = await Promise.all(rows.map((n, i) => padded.infer(feed(rest, n, 20 + i))));
        expect(runs).to.deep.equal([[[8, ...rest]]]);
        expect(reports.map((r) => [r.requests, r.batchSize])).to.deep.equal([[3, 6]]);
        together.forEach((o, i) => {
          expect([o.batchRequests, o.batchSize]).to.deep.equal([3, 6]);
          expect(o.outputs[0].dims[0]).to.equal(rows[i]);
          expectSameOutputs(o, alone[i], `request ${i} (${rows[i]} rows)`);
        });
      });

      it("runs a request of maxBatchSize rows or more alone, without blocking the requests queued behind it", async () => {
        const reports: ExecutionReport[] = [];
        padded.onExecution = (r) => reports.push(r);
        const runs = recordRuns(padded);
        const want = [await plain.infer(feed(rest, 8, 30)), await plain.infer(feed(rest, 9, 31)), await plain.infer(feed(rest, 1, 32))];
        const [full, over, small] = await Promise.all([padded.infer(feed(rest, 8, 30)), padded.infer(feed(rest, 9, 31)), padded.infer(feed(rest, 1, 32))]);
        expect(runs).to.deep.equal([[[8, ...rest]], [[9, ...rest]], [[8, ...rest]]]);
        expect(reports.map((r) => [r.requests, r.batchSize])).to.deep.equal([[1, 8], [1, 9], [1, 1]]);
        expectSameOutputs(full, want[0], "8 rows");
        expectSameOutputs(over, want[1], "9 rows");
        expectSameOutputs(small, want[2], "1 row behind them");
      });
    });
  }

  it("paddle-rec: never merges requests of different widths and pads only the batch dimension", async () => {
    const plain = await cpuRunner(REC, { maxBatchSize: 4, padBatches: false });
    const padded = await cpuRunner(REC, { maxBatchSize: 4, padBatches: true });
    try {
      const reqs: [number, number][] = [
        [160, 1],
        [320, 1],
        [160, 2],
      ];
      const input = (i: number) => feed([3, 48, reqs[i][0]], reqs[i][1], 40 + i);
      const alone: InferOutcome[] = [];
      for (let i = 0; i < reqs.length; i++) alone.push(await plain.infer(input(i)));
      const runs = recordRuns(padded);
      const got = await Promise.all(reqs.map((_, i) => padded.infer(input(i))));
      expect(runs).to.deep.equal([[[4, 3, 48, 160]], [[4, 3, 48, 320]]]);
      expect(got.map((o) => [o.batchRequests, o.batchSize])).to.deep.equal([
        [2, 3],
        [1, 1],
        [2, 3],
      ]);
      got.forEach((o, i) => {
        expect(o.outputs[0].dims).to.deep.equal([reqs[i][1], reqs[i][0] / 8, 6625]);
        expectSameOutputs(o, alone[i], `width ${reqs[i][0]}, ${reqs[i][1]} rows`);
      });
    } finally {
      await plain.close();
      await padded.close();
    }
  });

  it("warms up once per worker at maxBatchSize, reports no execution, and queues requests that arrive meanwhile", async () => {
    const r = await cpuRunner(MLP, { instances: 2, maxQueueDelayUs: 0, padBatches: true });
    try {
      const reports: ExecutionReport[] = [];
      r.onExecution = (e) => reports.push(e);
      const runs = recordRuns(r);
      const warming = r.warmup([{ x: [16] }]);
      const during = r.infer(x(3, 50)); // both workers are warming: this one waits for them
      await warming;
      expect(runs.slice(0, 2)).to.deep.equal([[[8, 16]], [[8, 16]]]);
      const o = await during;
      expect(o.outputs[0].dims).to.deep.equal([3, 4]);
      expect(runs.slice(2)).to.deep.equal([[[8, 16]]]);
      expect(reports.map((e) => [e.requests, e.batchSize])).to.deep.equal([[1, 3]]);
    } finally {
      await r.close();
    }
  });

  it("refuses padBatches: true for a model that cannot batch, naming why", async () => {
    expect(await rejection(cpuRunner(VAD, { padBatches: true }))).to.match(/model 'm': "padBatches" is true but the model runs unbatched \(input 'state' has a fixed first dimension \(2\)\)/);
    expect(await rejection(cpuRunner(MLP, { maxBatchSize: 1, padBatches: true }))).to.match(/runs unbatched \(maxBatchSize is 1\)/);
    const vad = await cpuRunner(VAD, { padBatches: false });
    expect([vad.batching, vad.padBuckets]).to.deep.equal([false, false]);
    await vad.close();
    expect(() => loadModelConfigs({ models: [{ name: "m", file: MLP, padBatches: "yes" as unknown as boolean }] })).to.throw(/models\[0\]: "padBatches" must be true or false \(got "yes"\)/);
  });

  it("in a node: the warm-up issues no receipts and no metrics; inference counts are real rows", async () => {
    const { node, cleanup } = await startTestNode({
      models: [{ name: "mlp-pad", file: MLP, maxBatchSize: 8, maxQueueDelayUs: 300_000, instances: 1, padBatches: true, warmup: [{ x: [16] }] }],
    });
    try {
      expect(node.models.get("mlp-pad")!.runner.padBuckets).to.equal(true);
      const page = async () => (await fetch(`${node.url}/metrics`)).text();
      let text = await page();
      expect(node.store.count()).to.equal(0);
      expect([metric(text, "nv_inference_exec_count", "mlp-pad"), metric(text, "nv_inference_count", "mlp-pad")]).to.deep.equal([0, 0]);
      const rows = [1, 2, 3];
      const res = await Promise.all(rows.map((n, i) => postJson(`${node.url}/v2/models/mlp-pad/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [n, 16], data: Array.from(randomFloats(n * 16, 60 + i)) }] })));
      res.forEach((r, i) => {
        expect(r.status, JSON.stringify(r.json)).to.equal(200);
        expect(r.json.outputs[0].shape).to.deep.equal([rows[i], 4]);
      });
      text = await page();
      expect(node.store.count()).to.equal(3);
      expect(metric(text, "nv_inference_request_success", "mlp-pad")).to.equal(3);
      expect(metric(text, "nv_inference_count", "mlp-pad")).to.equal(6); // padding would make it 8 or more
      expect(metric(text, "nv_inference_exec_count", "mlp-pad")).to.be.within(1, 3); // 1 when the three requests arrive within the queue delay
      // rows come from the request, not from the outputs it asked for
      const none = await postJson(`${node.url}/v2/models/mlp-pad/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [2, 16], data: new Array(32).fill(0.5) }], outputs: [] });
      expect(none.status, JSON.stringify(none.json)).to.equal(200);
      expect(metric(await page(), "nv_inference_count", "mlp-pad")).to.equal(8);
    } finally {
      await cleanup();
    }
  });
});
