// One served model's configuration (a JSON file per model under the model directory, or inline in the node config).
import type { IoSpec } from "../../client/index.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";

/**
 * How a model is served. Paths are resolved relative to the JSON file that holds them.
 *
 * @example
 * { "name": "mlp", "file": "mlp/mlp.onnx", "maxBatchSize": 64, "maxQueueDelayUs": 200,
 *   "policy": { "kind": "tolerance", "minCosine": 0.9999, "maxRelAbsError": 0.001, "topK": 0 } }
 */
export interface ModelConfig {
  /** Name in URLs (`/v2/models/{name}`): letters, digits, `-`, `_`, `.`. */
  name: string;
  /** Path of the .onnx file. */
  file: string;
  /** Version string served (default "1"). */
  version?: string;
  /** Largest combined first dimension of one execution; 1 turns batching off (default 32). */
  maxBatchSize?: number;
  /** Longest wait of the oldest queued request for a fuller batch, in µs (default 200). */
  maxQueueDelayUs?: number;
  /** Bound of the request queue; beyond it requests get 429 (default 1024). */
  maxQueueSize?: number;
  /** Per-request limit on queue + execution time in ms (default 30000). */
  timeoutMs?: number;
  /** Session workers (default 2). */
  instances?: number;
  /** onnxruntime intra-op threads per worker (default 1). */
  intraOpNumThreads?: number;
  /** Whether float inputs may hold NaN or ±Inf (default false: such requests get 400). */
  allowNonFinite?: boolean;
  /** Verification policy announced in metadata when no registry entry overrides it. */
  policy?: VerificationPolicy;
  /** Pad every merged batch to maxBatchSize rows: one shape per execution (default: on for GPU providers, off on CPU). */
  padBatches?: boolean;
  /**
   * Warm-up samples run at load on every worker and batch size: non-batch dims per input,
   * e.g. `[{ "x": [3, 48, 192] }]` (full dims for unbatched models). Like Triton's model_warmup.
   */
  warmup?: Record<string, number[]>[];
  /**
   * The model's declared interface, as OIP metadata shows it (`{ "inputs": [{ name, datatype, shape }], "outputs": [...] }`,
   * -1 for variable dims). When given, the loaded file must match it; its `ioSpecHash` is what deployments register.
   */
  io?: IoSpec;
  /** Free-form description. */
  description?: string;
}
