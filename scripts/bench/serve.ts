// Serving benchmark: raw in-process worker-pool throughput vs the node over HTTP (JSON and binary), printed as one JSON object.
// usage: npm run --silent bench:serve [-- --seconds 4 --slices 4 --models paddle-cls,mlp --ep cuda,cpu --concurrency 1,16 --batch 1 --receipt-only]
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
const SECONDS = Number(arg("seconds", "4"));
const MODELS = arg("models", "paddle-cls,mlp").split(",");
const EPS = arg("ep", "cuda,cpu").split(",");
const CONCURRENCY = arg("concurrency", "1,16").split(",").map(Number);
const BATCH = Number(arg("batch", "1"));
const SLICES = Number(arg("slices", "4"));
/** `--raw-only`: measure only the in-process runner (e.g. CPU vs CUDA at a large batch); no daemon. */
const RAW_ONLY = process.argv.includes("--raw-only");
/** `--receipt-only`: measure only receiptOverheadUs (no daemon, no throughput runs; `runs` is empty). */
const RECEIPT_ONLY = process.argv.includes("--receipt-only");
/** `--sync full|normal`: the node's storeSynchronous (full = fsync per group commit, the default). */
const SYNC = arg("sync", "full");
/** `--dump-metrics`: include the daemon's nv_inference_* lines per model in the output. */
const DUMP = process.argv.includes("--dump-metrics");
const nodeMetrics: Record<string, string[]> = {};

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

/** Latencies (ms) and wall seconds of one measurement slice. */
interface Slice {
  lat: number[];
  secs: number;
}

/** Runs `fn` from `concurrency` loops for `seconds`; returns every call's latency. */
async function slice(concurrency: number, seconds: number, fn: () => Promise<void>): Promise<Slice> {
  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const s = process.hrtime.bigint();
        await fn();
        lat.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    })
  );
  return { lat, secs: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Merges slices into rps and latency percentiles. */
function summarize(slices: Slice[]): { rps: number; p50Ms: number; p99Ms: number } {
  const lat = slices.flatMap((s) => s.lat).sort((a, b) => a - b);
  const secs = slices.reduce((a, s) => a + s.secs, 0);
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
  const header = Buffer.from(
    JSON.stringify({
      inputs: [{ name: inputName, datatype: "FP32", shape, parameters: { binary_data_size: input.byteLength } }],
      parameters: { binary_data_output: true },
    })
  );
  const binary = Buffer.concat([header, Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  return { json, binary, headerLength: String(header.length) };
}

/** CPU time (all threads) per receipt issued (digests, data log write, requestId, signature, group-committed insert) for `inputs` -> `outputs`. */
async function receiptCostUs(inputs: Tensor[], outputs: Tensor[]): Promise<number> {
  const key = Wallet.createRandom().privateKey as Hex;
  const signer = createReceiptSigner({ privateKey: key, domain: { chainId: 31337n, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } });
  const dir = mkdtempSync(join(tmpdir(), "vt-bench-r-"));
  const store = await ReceiptStore.open(join(dir, "r.sqlite"), { node: signer.address, synchronous: "full" });
  const issuer = new ReceiptIssuer(signer, store, { retainData: true });
  const modelHash = `0x${"ab".repeat(32)}` as Hex;
  const run = async (n: number) => {
    for (let i = 0; i < n; i += 16) await Promise.all(Array.from({ length: 16 }, () => issuer.issue({ model: "m", modelHash, inputs, outputs })));
  };
  // Steady state: V8 compiles the hot receipt path on background threads during the first few thousand
  // receipts (one-time CPU that process.cpuUsage would charge to the measured receipts), so warm up first.
  await run(3000);
  const n = 4000;
  const cpu0 = process.cpuUsage();
  await run(n);
  const cpu = process.cpuUsage(cpu0);
  const us = (cpu.user + cpu.system) / n; // CPU time of all threads (incl. the store writer) per receipt
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return us;
}

const dir = mkdtempSync(join(tmpdir(), "vt-bench-"));
let daemon: ChildProcess | undefined;
try {
  const INSTANCES = arg("instances", "");
  const configs = loadModelConfigs({ modelDir: resolve("models") })
    .filter((c) => MODELS.includes(c.name))
    .map((c) => (INSTANCES ? { ...c, instances: Number(INSTANCES) } : c)); // --instances N overrides the pool size
  const runs: Record<string, unknown>[] = [];
  const receiptUs: Record<string, number> = {};
  let ep = "cpu";
  // The node daemon in its own process, driven over HTTP with keep-alive connections.
  const port = 20000 + Math.floor(Math.random() * 20000);
  const config = {
    port,
    models: configs, // only the benchmarked models, with the same settings as the raw runner
    executionProviders: EPS,
    chainId: 31337,
    auditLog: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    storePath: join(dir, "bench.sqlite"),
    storeSynchronous: SYNC,
    logLevel: "warn",
  };
  writeFileSync(join(dir, "node.json"), JSON.stringify(config));
  if (!RAW_ONLY && !RECEIPT_ONLY)
    daemon = spawn(process.execPath, ["--import", "tsx", "node/main.ts", "--config", join(dir, "node.json")], {
      env: { ...process.env, VERITENSOR_SIGNING_KEY: Wallet.createRandom().privateKey, VERITENSOR_LOG_LEVEL: "info" },
      stdio: ["ignore", "ignore", "pipe"],
    });
  if (daemon)
    await new Promise<void>((res, rej) => {
      let out = "";
      daemon!.stderr!.on("data", (d) => {
        out += d;
        if (out.includes('"msg":"listening"')) res();
      });
      daemon!.once("exit", (code) => rej(new Error(`node exited with ${code}: ${out.slice(-1000)}`)));
    });
  for (const c of configs) {
    // raw: the node's own ModelRunner (same workers, providers, batching config) called in-process: no HTTP, no receipts
    const runner = await ModelRunner.create({
      name: c.name,
      modelPath: c.file,
      instances: c.instances,
      executionProviders: EPS,
      intraOpNumThreads: c.intraOpNumThreads,
      maxBatchSize: Math.max(c.maxBatchSize, BATCH),
      maxQueueDelayUs: c.maxQueueDelayUs,
      maxQueueSize: c.maxQueueSize,
      timeoutMs: c.timeoutMs,
      padBatches: c.padBatches,
    });
    if (BATCH === 1) await runner.warmup(c.warmup); // as the node does at load
    ep = runner.executionProvider;
    const input = floats(SHAPES[c.name].reduce((a, b) => a * b, 1));
    const feed = (): RawTensor[] => [{ name: runner.inputs[0].name, type: "float32", dims: SHAPES[c.name], data: input }];
    const rawCall = async () => void (await runner.infer(feed()));
    const bodies = requestBodies(c.name, input, runner.inputs[0].name);
    for (const conc of RECEIPT_ONLY ? [] : CONCURRENCY) {
      const agent = new Agent({ keepAlive: true, maxSockets: conc });
      const calls = {
        raw: rawCall,
        json: () => post(agent, port, `/v2/models/${c.name}/infer`, bodies.json, { "content-type": "application/json" }),
        binary: () =>
          post(agent, port, `/v2/models/${c.name}/infer`, bodies.binary, {
            "content-type": "application/octet-stream",
            "inference-header-content-length": bodies.headerLength,
          }),
      };
      if (RAW_ONLY) {
        await slice(conc, 0.5, rawCall);
        const raw = summarize([await slice(conc, SECONDS, rawCall)]);
        runs.push({
          model: c.name,
          concurrency: conc,
          transport: "raw",
          rawRps: Math.round(raw.rps),
          rawInferencesPerSec: Math.round(raw.rps * BATCH),
          p50Ms: Number(raw.p50Ms.toFixed(2)),
          p99Ms: Number(raw.p99Ms.toFixed(2)),
        });
        agent.destroy();
        continue;
      }
      for (const call of Object.values(calls)) await slice(conc, 0.3, call); // warm-up
      // interleave short slices so that load from elsewhere on the machine hits every transport alike
      const slices: Record<keyof typeof calls, Slice[]> = { raw: [], json: [], binary: [] };
      for (let k = 0; k < SLICES; k++)
        for (const [name, call] of Object.entries(calls)) slices[name as keyof typeof calls].push(await slice(conc, SECONDS / SLICES, call));
      const raw = summarize(slices.raw);
      for (const transport of ["json", "binary"] as const) {
        const r = summarize(slices[transport]);
        runs.push({
          model: c.name,
          concurrency: conc,
          transport,
          rawRps: Math.round(raw.rps),
          nodeRps: Math.round(r.rps),
          ratio: Number((r.rps / raw.rps).toFixed(3)),
          p50Ms: Number(r.p50Ms.toFixed(2)),
          p99Ms: Number(r.p99Ms.toFixed(2)),
          rawP50Ms: Number(raw.p50Ms.toFixed(2)),
        });
      }
      agent.destroy();
    }
    if (daemon && DUMP) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      nodeMetrics[c.name] = text.split("\n").filter((l) => l.startsWith("nv_inference") && l.includes(`model="${c.name}"`));
    }
    const out = await runner.infer(feed());
    const inT: Tensor = { name: runner.inputs[0].name, datatype: "FP32", shape: SHAPES[c.name], data: input };
    const outT = out.outputs.map((o) => ({ name: o.name, datatype: "FP32", shape: o.dims, data: o.data } as Tensor));
    receiptUs[c.name] = await receiptCostUs([inT], outT);
    await runner.close();
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
        slicesPerRun: SLICES,
        storeSynchronous: SYNC,
        ...(DUMP ? { nodeMetrics } : {}),
        cpus: cpus().length,
        notes:
          "raw = the node's ModelRunner (same workers, batching config) called in-process without HTTP or receipts, measured in slices interleaved with the node's; node = the daemon (node/main.ts) in its own process over HTTP keep-alive, receipts signed and stored (sqlite WAL, synchronous=storeSynchronous, data retained), no chain. receiptOverheadUs = CPU time per receipt of ReceiptIssuer.issue, all threads (input/output digests, retained-data write, requestId, secp256k1 signature, group-committed insert with fsync) for the model with the smallest tensors; ...ByModel for each.",
      },
      null,
      2
    )
  );
} finally {
  daemon?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
