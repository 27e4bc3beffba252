// Serving benchmark: raw in-process worker-pool throughput vs the node over HTTP (JSON and binary), printed as one JSON object.
// usage: npm run --silent bench:serve [-- --seconds 3 --models paddle-cls,mlp --ep cpu]
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join, resolve } from "node:path";
import { Wallet } from "ethers";
import { createReceiptSigner, type Hex, type Tensor } from "../../client/index.js";
import { loadModelConfigs } from "../../node/models/loadModelConfigs.js";
import { ModelRunner } from "../../node/runtime/ModelRunner.js";
import type { RawTensor } from "../../node/runtime/RawTensor.js";
import { ReceiptStore } from "../../node/store/ReceiptStore.js";
import { ReceiptIssuer } from "../../node/receipts/ReceiptIssuer.js";

const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const SECONDS = Number(arg("seconds", "3"));
const MODELS = arg("models", "paddle-cls,mlp").split(",");
const EPS = arg("ep", "cuda,cpu").split(",");
const CONCURRENCY = arg("concurrency", "1,16").split(",").map(Number);
const BATCH = Number(arg("batch", "1"));

/** One request's input per model: [batch, ...] with the model's fixed dims, variable ones filled in. */
const SHAPES: Record<string, number[]> = {
  "paddle-cls": [BATCH, 3, 48, 192],
  "paddle-rec": [BATCH, 3, 48, 320],
  mlp: [BATCH, 16],
};

function floats(n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sin(i * 0.37);
  return a;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : 0;
}

/** Runs `fn` from `concurrency` loops for SECONDS after a short warm-up; returns rps and latency percentiles. */
async function drive(concurrency: number, fn: () => Promise<void>): Promise<{ rps: number; p50Ms: number; p99Ms: number }> {
  const warmEnd = Date.now() + 500;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < warmEnd) await fn();
  }));
  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const s = process.hrtime.bigint();
      await fn();
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  return { rps: lat.length / secs, p50Ms: percentile(lat, 0.5), p99Ms: percentile(lat, 0.99) };
}

/** POSTs a prebuilt body over a keep-alive agent; rejects on a non-200. */
function post(agent: Agent, port: number, path: string, body: Buffer, headers: Record<string, string>): Promise<void> {
  return new Promise((res, rej) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } }, (r) => {
      const chunks: Buffer[] = [];
      r.on("data", (c) => chunks.push(c));
      r.on("end", () => {
        if (r.statusCode !== 200) return rej(new Error(`HTTP ${r.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`));
        if (!(r.headers["content-type"] ?? "").includes("octet-stream")) JSON.parse(Buffer.concat(chunks).toString());
        res();
      });
    });
    req.on("error", rej);
    req.end(body);
  });
}

function requestBodies(model: string, input: Float32Array, inputName: string) {
  const shape = SHAPES[model];
  const json = Buffer.from(JSON.stringify({ inputs: [{ name: inputName, datatype: "FP32", shape, data: Array.from(input) }] }));
  const header = Buffer.from(JSON.stringify({ inputs: [{ name: inputName, datatype: "FP32", shape, parameters: { binary_data_size: input.byteLength } }], parameters: { binary_data_output: true } }));
  const binary = Buffer.concat([header, Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  return { json, binary, headerLength: String(header.length) };
}

/** Mean cost of issuing one receipt (digests, pack, requestId, sign, group-committed insert) for `inputs` -> `outputs`. */
async function receiptCostUs(inputs: Tensor[], outputs: Tensor[]): Promise<number> {
  const key = Wallet.createRandom().privateKey as Hex;
  const signer = createReceiptSigner({ privateKey: key, domain: { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } });
  const dir = mkdtempSync(join(tmpdir(), "vt-bench-r-"));
  const store = await ReceiptStore.open(join(dir, "r.sqlite"), { node: signer.address, synchronous: "full" });
  const issuer = new ReceiptIssuer(signer, store, { retainData: true });
  const modelHash = `0x${"ab".repeat(32)}` as Hex;
  for (let i = 0; i < 200; i++) await issuer.issue({ model: "m", modelHash, inputs, outputs });
  const n = 4000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += 16) await Promise.all(Array.from({ length: 16 }, () => issuer.issue({ model: "m", modelHash, inputs, outputs })));
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return us;
}

const dir = mkdtempSync(join(tmpdir(), "vt-bench-"));
let daemon: ChildProcess | undefined;
try {
  const configs = loadModelConfigs({ modelDir: resolve("models") }).filter((c) => MODELS.includes(c.name));
  const runs: Record<string, unknown>[] = [];
  const receiptUs: Record<string, number> = {};
  const raws: Record<string, Record<number, { rps: number }>> = {};
  let ep = "cpu";
  // 1. raw: the same ModelRunner (workers, batching) called in-process, no HTTP, no receipts
  for (const c of configs) {
    const runner = await ModelRunner.create({ name: c.name, modelPath: c.file, instances: c.instances, executionProviders: EPS, intraOpNumThreads: c.intraOpNumThreads, maxBatchSize: c.maxBatchSize, maxQueueDelayUs: c.maxQueueDelayUs, maxQueueSize: c.maxQueueSize, timeoutMs: c.timeoutMs });
    ep = runner.executionProvider;
    const input = floats(SHAPES[c.name].reduce((a, b) => a * b, 1));
    const feed = (): RawTensor[] => [{ name: runner.inputs[0].name, type: "float32", dims: SHAPES[c.name], data: input }];
    raws[c.name] = {};
    for (const conc of CONCURRENCY) raws[c.name][conc] = await drive(conc, async () => void (await runner.infer(feed())));
    const out = await runner.infer(feed());
    const inT: Tensor = { name: runner.inputs[0].name, datatype: "FP32", shape: SHAPES[c.name], data: input };
    const outT = out.outputs.map((o) => ({ name: o.name, datatype: "FP32", shape: o.dims, data: o.data }) as Tensor);
    receiptUs[c.name] = await receiptCostUs([inT], outT);
    await runner.close();
  }
  // 2. the node daemon as its own process, driven over HTTP with keep-alive connections
  const port = 20000 + Math.floor(Math.random() * 20000);
  const config = { port, modelDir: resolve("models"), executionProviders: EPS, chainId: 31337, auditLog: "0x5FbDB2315678afecb367f032d93F642f64180aa3", storePath: join(dir, "bench.sqlite"), logLevel: "warn", models: [] };
  writeFileSync(join(dir, "node.json"), JSON.stringify(config));
  daemon = spawn(process.execPath, ["--import", "tsx", "node/main.ts", "--config", join(dir, "node.json")], {
    env: { ...process.env, VERITENSOR_SIGNING_KEY: Wallet.createRandom().privateKey, VERITENSOR_LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((res, rej) => {
    let out = "";
    daemon!.stderr!.on("data", (d) => {
      out += d;
      if (out.includes('"msg":"listening"')) res();
    });
    daemon!.once("exit", (code) => rej(new Error(`node exited with ${code}: ${out.slice(-1000)}`)));
  });
  for (const c of configs) {
    const input = floats(SHAPES[c.name].reduce((a, b) => a * b, 1));
    const meta = (await (await fetch(`http://127.0.0.1:${port}/v2/models/${c.name}`)).json()) as any;
    const bodies = requestBodies(c.name, input, meta.inputs[0].name);
    for (const conc of CONCURRENCY) {
      const agent = new Agent({ keepAlive: true, maxSockets: conc });
      for (const transport of ["json", "binary"] as const) {
        const body = transport === "json" ? bodies.json : bodies.binary;
        const headers: Record<string, string> = transport === "json" ? { "content-type": "application/json" } : { "content-type": "application/octet-stream", "inference-header-content-length": bodies.headerLength };
        const r = await drive(conc, () => post(agent, port, `/v2/models/${c.name}/infer`, body, headers));
        const rawRps = raws[c.name][conc].rps;
        runs.push({ model: c.name, concurrency: conc, transport, rawRps: Math.round(rawRps), nodeRps: Math.round(r.rps), ratio: Number((r.rps / rawRps).toFixed(3)), p50Ms: Number(r.p50Ms.toFixed(2)), p99Ms: Number(r.p99Ms.toFixed(2)) });
      }
      agent.destroy();
    }
  }
  const small = Math.min(...Object.values(receiptUs));
  console.log(
    JSON.stringify(
      {
        runs,
        receiptOverheadUs: Math.round(small),
        receiptOverheadUsByModel: Object.fromEntries(Object.entries(receiptUs).map(([k, v]) => [k, Math.round(v)])),
        executionProvider: ep,
        batchPerRequest: BATCH,
        secondsPerRun: SECONDS,
        cpus: cpus().length,
        notes: "raw = the node's ModelRunner (same workers, batching config) called in-process without HTTP or receipts; node = the daemon (node/main.ts) in its own process over HTTP keep-alive, receipts signed and stored (sqlite WAL, synchronous=full, data retained), no chain. receiptOverheadUs = mean cost of ReceiptIssuer.issue (input/output digests, data packing, requestId, secp256k1 signature, group-committed insert) for the model with the smallest tensors; ...ByModel for each.",
      },
      null,
      2,
    ),
  );
} finally {
  daemon?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
