// Hashes a model file, checks it against the registry (when configured) and starts its worker pool.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { ContractRunner } from "ethers";
import { datatypeOfOrtType, type Hex } from "../../client/index.js";
import { ModelRunner } from "../runtime/ModelRunner.js";
import type { ResolvedModelConfig } from "./ResolvedModelConfig.js";
import type { ServedModel } from "./ServedModel.js";
import type { ModelIoSpec } from "./ModelIoSpec.js";
import type { WorkerTensorSpec } from "../runtime/WorkerMessages.js";
import { checkModelRegistration } from "./checkModelRegistration.js";

function toIo(specs: WorkerTensorSpec[], model: string): ModelIoSpec[] {
  return specs.map((s) => {
    let datatype;
    try {
      datatype = datatypeOfOrtType(s.type);
    } catch {
      throw new Error(`model '${model}': tensor '${s.name}' has type ${s.type}, which the node cannot serve`);
    }
    return { name: s.name, datatype, shape: s.shape, ortType: s.type };
  });
}

/**
 * Loads one model: sha256 of its bytes, registry check (if `registry` is given: refused unless the hash is
 * an active entry), then `instances` session workers on the preferred execution providers.
 *
 * @example
 * const model = await loadServedModel(config, { executionProviders: ["cuda", "cpu"] });
 */
export async function loadServedModel(
  config: ResolvedModelConfig,
  opts: { executionProviders: string[]; registry?: { address: string; runner: ContractRunner } }
): Promise<ServedModel> {
  const bytes = readFileSync(config.file);
  const modelHash = `0x${createHash("sha256").update(bytes).digest("hex")}` as Hex;
  let policy = config.policy;
  let policySource: ServedModel["policySource"] = "config";
  if (opts.registry) {
    policy = await checkModelRegistration({ runner: opts.registry.runner, registry: opts.registry.address, modelHash, name: config.name, file: config.file });
    policySource = "registry";
  }
  const runner = await ModelRunner.create({
    name: config.name,
    modelPath: config.file,
    instances: config.instances,
    executionProviders: opts.executionProviders,
    intraOpNumThreads: config.intraOpNumThreads,
    maxBatchSize: config.maxBatchSize,
    maxQueueDelayUs: config.maxQueueDelayUs,
    maxQueueSize: config.maxQueueSize,
    timeoutMs: config.timeoutMs,
    padBatches: config.padBatches,
  });
  try {
    await runner.warmup(config.warmup);
    return { config, modelHash, policy, policySource, inputs: toIo(runner.inputs, config.name), outputs: toIo(runner.outputs, config.name), runner };
  } catch (err) {
    await runner.close();
    throw err;
  }
}
