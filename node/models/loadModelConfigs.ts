// Reads model configs from a directory of JSON files and/or inline entries, validating and applying defaults.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve, dirname, isAbsolute } from "node:path";
import { canonicalIoSpec, type IoSpec } from "../../client/index.js";
import type { ModelConfig } from "./ModelConfig.js";
import type { ResolvedModelConfig } from "./ResolvedModelConfig.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Checks the warm-up samples: a list of `{ input: dims }` objects with positive integer dims. */
function checkWarmup(w: unknown, where: string): Record<string, number[]>[] {
  if (w === undefined) return [];
  const ok =
    Array.isArray(w) &&
    w.every(
      (s) => s && typeof s === "object" && !Array.isArray(s) && Object.values(s).every((d) => Array.isArray(d) && d.every((x) => Number.isInteger(x) && x > 0))
    );
  if (!ok) throw new Error(`${where}: "warmup" must be a list of {"<input>": [dims...]} with positive integer dims`);
  return w as Record<string, number[]>[];
}

/** Checks the declared interface (`io`), if any. */
function checkIo(io: unknown, where: string): IoSpec | undefined {
  if (io === undefined) return undefined;
  try {
    canonicalIoSpec(io as IoSpec);
  } catch (err) {
    throw new Error(`${where}: "io" must be {"inputs": [...], "outputs": [...]} of {"name", "datatype", "shape"}: ${(err as Error).message}`);
  }
  return io as IoSpec;
}

/** Applies defaults and checks one config; `baseDir` resolves a relative `file`. */
function resolveOne(c: ModelConfig, baseDir: string, where: string): ResolvedModelConfig {
  if (!c || typeof c !== "object") throw new Error(`${where}: a model config must be a JSON object`);
  if (typeof c.name !== "string" || !NAME.test(c.name)) throw new Error(`${where}: "name" must match ${NAME} (got ${JSON.stringify(c.name)})`);
  if (typeof c.file !== "string" || c.file === "") throw new Error(`${where}: "file" (path of the .onnx) is required`);
  const file = isAbsolute(c.file) ? c.file : resolve(baseDir, c.file);
  if (!existsSync(file)) throw new Error(`${where}: model file ${file} does not exist`);
  const int = (v: number | undefined, d: number, min: number, key: string) => {
    const x = v ?? d;
    if (!Number.isInteger(x) || x < min) throw new Error(`${where}: "${key}" must be an integer >= ${min} (got ${JSON.stringify(v)})`);
    return x;
  };
  const bool = (v: boolean | undefined, key: string) => {
    if (v !== undefined && typeof v !== "boolean") throw new Error(`${where}: "${key}" must be true or false (got ${JSON.stringify(v)})`);
    return v;
  };
  const policy = c.policy ?? { kind: "tolerance", minCosine: 0.999, maxRelAbsError: 0.01, topK: 0 };
  if (policy.kind !== "tolerance" && policy.kind !== "bitwise") throw new Error(`${where}: policy.kind must be "tolerance" or "bitwise"`);
  return {
    name: c.name,
    file,
    version: c.version ?? "1",
    maxBatchSize: int(c.maxBatchSize, 32, 1, "maxBatchSize"),
    maxQueueDelayUs: int(c.maxQueueDelayUs, 200, 0, "maxQueueDelayUs"),
    maxQueueSize: int(c.maxQueueSize, 1024, 1, "maxQueueSize"),
    timeoutMs: int(c.timeoutMs, 30_000, 1, "timeoutMs"),
    instances: int(c.instances, 2, 1, "instances"),
    intraOpNumThreads: int(c.intraOpNumThreads, 1, 1, "intraOpNumThreads"),
    allowNonFinite: bool(c.allowNonFinite, "allowNonFinite") ?? false,
    policy: { kind: policy.kind, minCosine: policy.minCosine ?? 0.999, maxRelAbsError: policy.maxRelAbsError ?? 0.01, topK: policy.topK ?? 0 },
    description: c.description,
    padBatches: bool(c.padBatches, "padBatches"),
    warmup: checkWarmup(c.warmup, where),
    io: checkIo(c.io, where),
  };
}

/**
 * Loads every `*.json` in `modelDir` (one model per file) plus the inline `models`, with defaults applied.
 * Throws a message naming the file and field on any mistake, or on two models with one name.
 *
 * @example
 * const models = loadModelConfigs({ modelDir: "models" });
 */
export function loadModelConfigs(opts: { modelDir?: string; models?: ModelConfig[]; baseDir?: string }): ResolvedModelConfig[] {
  const out: ResolvedModelConfig[] = [];
  if (opts.modelDir) {
    const dir = resolve(opts.baseDir ?? process.cwd(), opts.modelDir);
    if (!existsSync(dir)) throw new Error(`model directory ${dir} does not exist`);
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      const path = join(dir, f);
      let parsed: ModelConfig;
      try {
        parsed = JSON.parse(readFileSync(path, "utf8")) as ModelConfig;
      } catch (err) {
        throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
      }
      out.push(resolveOne(parsed, dirname(path), path));
    }
  }
  (opts.models ?? []).forEach((m, i) => out.push(resolveOne(m, opts.baseDir ?? process.cwd(), `models[${i}]`)));
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.name)) throw new Error(`two models are named '${m.name}'`);
    seen.add(m.name);
  }
  if (out.length === 0) throw new Error("no models configured: give modelDir or models");
  return out;
}
