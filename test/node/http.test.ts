// HTTP integration tests of the inference node on the real models: OIP v2 metadata, JSON and binary inference, receipts, metrics.
import { expect } from "chai";
import { decodeJsonTensor, ioDigest, receiptFromJson, tensorFromBytes, verifyReceiptSignature, type Tensor } from "../../client/index.js";
import { startTestNode, oipValidators, postJson, randomFloats } from "./nodeFixture.js";
import type { RunningNode } from "../../node/startNode.js";

const DOMAIN = { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const };

/** Sends a binary-extension request: JSON header + raw input bytes; asks for binary outputs. */
async function postBinary(url: string, inputs: Tensor[], binaryOut = true): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const header = Buffer.from(
    JSON.stringify({
      id: "bin-1",
      inputs: inputs.map((t) => ({ name: t.name, datatype: t.datatype, shape: t.shape, parameters: { binary_data_size: t.data.byteLength } })),
      parameters: { binary_data_output: binaryOut },
    }),
  );
  const raw = inputs.map((t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "inference-header-content-length": String(header.length) },
    body: Buffer.concat([header, ...raw]),
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Parses a binary-extension response into its JSON header and output tensors. */
function parseBinaryResponse(headers: Headers, body: Buffer): { header: any; outputs: Tensor[] } {
  const n = Number(headers.get("inference-header-content-length"));
  const header = JSON.parse(body.subarray(0, n).toString("utf8"));
  let off = n;
  const outputs = header.outputs.map((o: any) => {
    if (o.data !== undefined) return decodeJsonTensor(o);
    const size = o.parameters.binary_data_size;
    const t = tensorFromBytes(o.name, o.datatype, o.shape, body.subarray(off, off + size));
    off += size;
    return t;
  });
  expect(off).to.equal(body.length);
  return { header, outputs };
}

describe("node HTTP API (OIP v2)", function () {
  let node: RunningNode;
  let cleanup: () => Promise<void>;
  const v = oipValidators();

  before(async function () {
    ({ node, cleanup } = await startTestNode());
  });
  after(async () => cleanup?.());

  it("serves health, server metadata and model metadata that validate against the OIP schemas", async () => {
    expect(((await (await fetch(`${node.url}/v2/health/live`)).json()) as any).live).to.equal(true);
    expect((await fetch(`${node.url}/v2/health/ready`)).status).to.equal(200);
    const server = (await (await fetch(`${node.url}/v2`)).json()) as any;
    expect(v.server(server), JSON.stringify(v.server.errors)).to.equal(true);
    expect(server.extensions).to.include("binary_tensor_data");
    for (const name of ["mlp", "paddle-cls", "paddle-rec", "silero-vad"]) {
      const meta = (await (await fetch(`${node.url}/v2/models/${name}`)).json()) as any;
      expect(v.model(meta), JSON.stringify(v.model.errors)).to.equal(true);
      expect(meta.platform).to.equal("onnx_onnxv1");
      expect(meta.modelHash).to.match(/^0x[0-9a-f]{64}$/);
      expect(meta.execution_provider).to.be.oneOf(["cpu", "cuda"]);
      expect((await fetch(`${node.url}/v2/models/${name}/versions/1/ready`)).status).to.equal(200);
    }
    const cls = (await (await fetch(`${node.url}/v2/models/paddle-cls/versions/1`)).json()) as any;
    expect(cls.inputs).to.deep.equal([{ name: "x", datatype: "FP32", shape: [-1, 3, -1, -1] }]);
    expect(cls.verification_policy.kind).to.equal("tolerance");
  });

  it("answers nested and flat JSON identically, echoes id and signs a receipt over its own inputs and outputs", async () => {
    const flat = Array.from(randomFloats(32, 7));
    const nested = [flat.slice(0, 16), flat.slice(16)];
    const a = await postJson(`${node.url}/v2/models/mlp/infer`, { id: "req-a", inputs: [{ name: "x", datatype: "FP32", shape: [2, 16], data: flat }] });
    const b = await postJson(`${node.url}/v2/models/mlp/versions/1/infer`, { id: "req-b", inputs: [{ name: "x", datatype: "FP32", shape: [2, 16], data: nested }] });
    expect(a.status, JSON.stringify(a.json)).to.equal(200);
    expect(b.status).to.equal(200);
    expect(v.inferResponse(a.json), JSON.stringify(v.inferResponse.errors)).to.equal(true);
    expect(a.json.id).to.equal("req-a");
    expect(a.json.outputs[0].shape).to.deep.equal([2, 4]);
    expect(a.json.outputs[0].data).to.deep.equal(b.json.outputs[0].data);
    const receipt = receiptFromJson(a.json.parameters.receipt);
    expect(verifyReceiptSignature(receipt, DOMAIN, node.address)).to.equal(true);
    const x = decodeJsonTensor({ name: "x", datatype: "FP32", shape: [2, 16], data: flat });
    expect(receipt.inputDigest).to.equal(ioDigest([x]));
    expect(receipt.outputDigest).to.equal(ioDigest(a.json.outputs.map(decodeJsonTensor)));
    expect(receipt.modelHash).to.equal(node.models.get("mlp")!.modelHash);
    const rb = receiptFromJson(b.json.parameters.receipt);
    expect(rb.seq).to.equal(receipt.seq + 1n);
    expect(rb.requestId).to.not.equal(receipt.requestId);
  });

  it("takes binary inputs and returns binary outputs (PaddleOCR cls) equal to the JSON answer", async () => {
    const x: Tensor = { name: "x", datatype: "FP32", shape: [2, 3, 48, 192], data: randomFloats(2 * 3 * 48 * 192, 11) };
    const bin = await postBinary(`${node.url}/v2/models/paddle-cls/infer`, [x]);
    expect(bin.status, bin.body.toString().slice(0, 200)).to.equal(200);
    expect(bin.headers.get("content-type")).to.contain("application/octet-stream");
    const { header, outputs } = parseBinaryResponse(bin.headers, bin.body);
    expect(header.id).to.equal("bin-1");
    expect(outputs[0].shape).to.deep.equal([2, 2]);
    const probs = outputs[0].data as Float32Array;
    expect(Math.abs(probs[0] + probs[1] - 1)).to.be.below(1e-5);
    const receipt = receiptFromJson(header.parameters.receipt);
    expect(receipt.inputDigest).to.equal(ioDigest([x]));
    expect(receipt.outputDigest).to.equal(ioDigest(outputs));
    const json = await postJson(`${node.url}/v2/models/paddle-cls/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: x.shape, data: Array.from(x.data as Float32Array) }] });
    expect(json.json.outputs[0].data).to.deep.equal(Array.from(probs));
    // binary in, JSON out
    const mixed = await postBinary(`${node.url}/v2/models/paddle-cls/infer`, [x], false);
    expect(mixed.headers.get("content-type")).to.contain("application/json");
    expect(JSON.parse(mixed.body.toString()).outputs[0].data).to.deep.equal(Array.from(probs));
  });

  it("runs PaddleOCR rec on a variable-width line and Silero VAD with its state fed back", async () => {
    const rec = await postBinary(`${node.url}/v2/models/paddle-rec/infer`, [
      { name: "x", datatype: "FP32", shape: [1, 3, 48, 160], data: randomFloats(3 * 48 * 160, 5) },
    ]);
    expect(rec.status).to.equal(200);
    const out = parseBinaryResponse(rec.headers, rec.body).outputs[0];
    expect(out.shape[0]).to.equal(1);
    expect(out.shape[2]).to.equal(6625);
    let state = new Float32Array(2 * 128);
    const probs: number[] = [];
    for (let chunk = 0; chunk < 3; chunk++) {
      const res = await postJson(`${node.url}/v2/models/silero-vad/infer`, {
        inputs: [
          { name: "input", datatype: "FP32", shape: [1, 512], data: Array.from(randomFloats(512, 100 + chunk)).map((s) => s * 0.5) },
          { name: "state", datatype: "FP32", shape: [2, 1, 128], data: Array.from(state) },
          { name: "sr", datatype: "INT64", shape: [], data: [16000] },
        ],
      });
      expect(res.status, JSON.stringify(res.json)).to.equal(200);
      const byName = Object.fromEntries(res.json.outputs.map((o: any) => [o.name, o]));
      expect(byName.stateN.shape).to.deep.equal([2, 1, 128]);
      probs.push(byName.output.data[0]);
      const next = Float32Array.from(byName.stateN.data);
      expect(next).to.not.deep.equal(state);
      state = next;
    }
    for (const p of probs) expect(p).to.be.within(0, 1);
  });

  it("serves the stored receipt (pending without a chain) and its retained inputs and outputs", async () => {
    const data = Array.from(randomFloats(16, 3));
    const res = await postJson(`${node.url}/v2/models/mlp/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data }] });
    const id = res.json.parameters.receipt.requestId;
    const r = (await (await fetch(`${node.url}/v2/receipts/${id}`)).json()) as any;
    expect(r.status).to.equal("pending");
    expect(r.receipt).to.deep.equal(res.json.parameters.receipt);
    const d = (await (await fetch(`${node.url}/v2/receipts/${id}/data`)).json()) as any;
    expect(d.inputs[0].data).to.deep.equal(data.map((x) => Math.fround(x)));
    expect(d.outputs).to.deep.equal(res.json.outputs);
    expect((await fetch(`${node.url}/v2/receipts/0x${"ab".repeat(32)}`)).status).to.equal(404);
    expect((await fetch(`${node.url}/v2/receipts/nope`)).status).to.equal(400);
  });

  it("batches concurrent requests and gives each its own rows and receipt", async () => {
    const n = 12;
    const inputs = Array.from({ length: n }, (_, i) => Array.from(randomFloats(16 * ((i % 3) + 1), 1000 + i)));
    const single: Awaited<ReturnType<typeof postJson>>[] = [];
    for (let i = 0; i < n; i++) {
      single.push(await postJson(`${node.url}/v2/models/mlp/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [(i % 3) + 1, 16], data: inputs[i] }] }));
    }
    const before = await (await fetch(`${node.url}/metrics`)).text();
    const together = await Promise.all(
      inputs.map((d, i) => postJson(`${node.url}/v2/models/mlp/infer`, { id: `c${i}`, inputs: [{ name: "x", datatype: "FP32", shape: [(i % 3) + 1, 16], data: d }] })),
    );
    const after = await (await fetch(`${node.url}/metrics`)).text();
    const execs = (text: string) => Number(/nv_inference_exec_count\{model="mlp",version="1"\} (\d+)/.exec(text)![1]);
    expect(execs(after) - execs(before)).to.be.below(n);
    together.forEach((res, i) => {
      expect(res.status).to.equal(200);
      expect(res.json.id).to.equal(`c${i}`);
      const got = res.json.outputs[0].data as number[];
      const want = single[i].json.outputs[0].data as number[];
      expect(got.length).to.equal(want.length);
      got.forEach((g, k) => expect(Math.abs(g - want[k])).to.be.below(1e-5));
      const receipt = receiptFromJson(res.json.parameters.receipt);
      expect(receipt.outputDigest).to.equal(ioDigest(res.json.outputs.map(decodeJsonTensor)));
    });
    const seqs = together.map((r) => BigInt(r.json.parameters.receipt.seq)).sort((a, b) => (a < b ? -1 : 1));
    seqs.forEach((s, i) => i > 0 && expect(s).to.equal(seqs[i - 1] + 1n));
  });

  it("refuses with 429 and Retry-After when a model's queue is full", async () => {
    const body = { inputs: [{ name: "x", datatype: "FP32", shape: [64, 16], data: Array.from(randomFloats(64 * 16, 9)) }] };
    const res = await Promise.all(Array.from({ length: 12 }, () => postJson(`${node.url}/v2/models/mlp-tiny-queue/infer`, body)));
    const refused = res.filter((r) => r.status === 429);
    expect(refused.length).to.be.greaterThan(0);
    expect(refused[0].headers.get("retry-after")).to.match(/^\d+$/);
    expect(refused[0].json.error).to.contain("queued");
    expect(res.every((r) => r.status === 200 || r.status === 429)).to.equal(true);
  });

  it("answers 503 with Retry-After when a request outlives its timeout, and issues no receipt", async () => {
    const before = node.store.count();
    const res = await postJson(`${node.url}/v2/models/rec-timeout/infer`, { inputs: [{ name: "x", datatype: "FP32", shape: [1, 3, 48, 320], data: Array.from(randomFloats(3 * 48 * 320, 2)) }] });
    expect(res.status).to.equal(503);
    expect(res.headers.get("retry-after")).to.equal("1");
    expect(res.json.error).to.match(/did not answer within 1 ms/);
    expect(node.store.count()).to.equal(before);
  });

  it("answers bad requests with 4xx and a clear {error}", async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ["/v2/models/nope/infer", { inputs: [] }, 404, /unknown model 'nope'/],
      ["/v2/models/mlp/versions/9/infer", { inputs: [] }, 404, /no version '9'/],
      ["/v2/models/mlp/infer", "{not json", 400, /not valid JSON/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "y", datatype: "FP32", shape: [1, 16], data: new Array(16).fill(0) }] }, 400, /unknown input 'y'/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "x", datatype: "INT32", shape: [1, 16], data: new Array(16).fill(0) }] }, 400, /datatype FP32/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "x", datatype: "FP32", shape: [1, 15], data: new Array(15).fill(0) }] }, 400, /shape \[-1,16\]/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: new Array(15).fill(0) }] }, 400, /needs 16 element/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: ["NaN", ...new Array(15).fill(0)] }] }, 400, /NaN or Infinity/],
      ["/v2/models/mlp/infer", { inputs: [{ name: "x", datatype: "FP32", shape: [65, 16], data: new Array(65 * 16).fill(0) }] }, 400, /max_batch_size 64/],
      ["/v2/models/silero-vad/infer", { inputs: [{ name: "input", datatype: "FP32", shape: [1, 512], data: new Array(512).fill(0) }] }, 400, /missing input 'state'/],
    ];
    for (const [path, body, status, re] of cases) {
      const res = await postJson(`${node.url}${path}`, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).to.equal(status);
      expect(v.error(res.json)).to.equal(true);
      expect(res.json.error).to.match(re);
    }
    const big = await fetch(`${node.url}/v2/models/mlp/infer`, { method: "POST", body: Buffer.alloc(3 * 1024 * 1024, 32) });
    expect(big.status).to.equal(413);
    expect(((await big.json()) as any).error).to.match(/larger than the limit/);
  });

  it("exposes Triton-named Prometheus metrics and /v2/stats", async () => {
    const text = await (await fetch(`${node.url}/metrics`)).text();
    for (const name of ["nv_inference_request_success", "nv_inference_request_failure", "nv_inference_count", "nv_inference_exec_count", "nv_inference_queue_duration_us", "nv_inference_compute_infer_duration_us", "veritensor_receipts_pending", "veritensor_commit_failures_total"]) {
      expect(text).to.contain(name);
    }
    expect(text).to.match(/veritensor_execution_provider\{model="mlp",version="1",provider="(cpu|cuda)"\} 1/);
    const stats = (await (await fetch(`${node.url}/v2/stats`)).json()) as any;
    expect(stats.waitMs.p50).to.be.a("number");
    expect(stats.waitMs.p99).to.be.at.least(stats.waitMs.p50);
    expect(stats.accepted).to.be.greaterThan(0);
    expect(stats.rejected).to.be.greaterThan(0);
    expect(stats.pricePerRequest).to.equal("0");
    expect(stats.models.find((m: any) => m.name === "mlp").queueLength).to.equal(0);
  });
});
