// The validator's own onnxruntime sessions: re-runs a request's inputs on the registered model bytes.
import * as ort from "onnxruntime-node";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Hex, Tensor } from "../../client/index.js";
import { datatypeOfOrtType, decodeBytesElements, ortTypeOf } from "../../client/index.js";

/** One model the validator can re-run. */
export interface ReferenceModel {
  /** Name the model is served under on nodes (`/v2/models/{name}`). */
  name: string;
  /** sha256 of the .onnx bytes (the registry's model id). */
  modelHash: Hex;
  file: string;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/**
 * Holds one onnxruntime session per model (CPU unless told otherwise, falling back to CPU when a provider is
 * missing; 1 intra-op thread, graph optimisation `all`) on the main
 * thread — a validator runs few re-executions, so it keeps things simple. Models are keyed by their sha256,
 * so a re-run always uses exactly the registered weights.
 *
 * @example
 * const runner = await ReferenceRunner.load([{ name: "mlp", file: "models/mlp/mlp.onnx" }]);
 * const outputs = await runner.run(modelHash, inputs);
 */
export class ReferenceRunner {
  private constructor(private readonly sessions: Map<Hex, { model: ReferenceModel; session: ort.InferenceSession }>) {}

  /** Loads each file, hashing its bytes; `executionProviders` defaults to `["cpu"]`. */
  static async load(
    models: readonly { name: string; file: string }[],
    executionProviders: string[] = ["cpu"],
  ): Promise<ReferenceRunner> {
    // FP32 semantics if re-running on CUDA (TF32 tensor cores drift far beyond the policies; see ortWorker/WorkerClient).
    process.env.NVIDIA_TF32_OVERRIDE ??= "0";
    const sessions = new Map<Hex, { model: ReferenceModel; session: ort.InferenceSession }>();
    for (const m of models) {
      const bytes = await readFile(m.file);
      const modelHash = `0x${createHash("sha256").update(bytes).digest("hex")}` as Hex;
      const options = { intraOpNumThreads: 1, graphOptimizationLevel: "all" as const, logSeverityLevel: 3 as const };
      let session: ort.InferenceSession;
      try {
        session = await ort.InferenceSession.create(bytes, { ...options, executionProviders });
      } catch (e) {
        // asking for an absent provider (e.g. CUDA) throws instead of falling back: re-run on CPU, which is as valid
        if (executionProviders.length === 1 && executionProviders[0] === "cpu") throw e;
        session = await ort.InferenceSession.create(bytes, { ...options, executionProviders: ["cpu"] });
      }
      sessions.set(modelHash, {
        model: { name: m.name, modelHash, file: m.file, inputNames: session.inputNames, outputNames: session.outputNames },
        session,
      });
    }
    return new ReferenceRunner(sessions);
  }

  /** The models loaded, by hash. */
  get models(): ReferenceModel[] {
    return [...this.sessions.values()].map((s) => s.model);
  }

  /** The model with this hash, if loaded. */
  model(modelHash: Hex): ReferenceModel | undefined {
    return this.sessions.get(modelHash.toLowerCase() as Hex)?.model;
  }

  /** Runs the model `modelHash` on `inputs`; throws if the model is not loaded or onnxruntime rejects the inputs. */
  async run(modelHash: Hex, inputs: readonly Tensor[]): Promise<Tensor[]> {
    const entry = this.sessions.get(modelHash.toLowerCase() as Hex);
    if (!entry) throw new Error(`model ${modelHash} is not loaded by this validator`);
    const feeds: Record<string, ort.Tensor> = {};
    for (const t of inputs) {
      const type = ortTypeOf(t.datatype) as ort.Tensor.Type;
      const data = t.datatype === "BYTES" ? decodeBytesElements(t.data as Uint8Array, t.shape.reduce((a, b) => a * b, 1)).map((b) => Buffer.from(b).toString("utf8")) : t.data;
      feeds[t.name] = new ort.Tensor(type, data as Float32Array, t.shape);
    }
    const result = await entry.session.run(feeds);
    return entry.model.outputNames.map((name) => {
      const o = result[name];
      return { name, datatype: datatypeOfOrtType(o.type), shape: [...o.dims], data: o.data } as Tensor;
    });
  }

  /** Releases every session. */
  async close(): Promise<void> {
    for (const { session } of this.sessions.values()) await session.release();
    this.sessions.clear();
  }
}
