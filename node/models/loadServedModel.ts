// Hashes a model file, checks it against the registry (when configured) and starts its worker pool.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { ZeroHash, type ContractRunner } from "ethers";
import { canonicalIoSpec, datatypeOfOrtType, ioSpecHash, type Hex } from "../../client/index.js";
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
 * Checks the loaded file's interface against the config's declared `io` and the registry's `ioSpecHash` (zero: none
 * declared); returns its ioSpecHash.
 */
function checkIo(config: ResolvedModelConfig, io: { inputs: ModelIoSpec[]; outputs: ModelIoSpec[] }, registered: Hex | undefined): Hex {
  const actual = canonicalIoSpec(io);
  if (config.io && canonicalIoSpec(config.io) !== actual) {
    throw new Error(
      `model '${config.name}' (${config.file}) declares the interface ${canonicalIoSpec(config.io)} in its config "io", but the file has ` +
        `${actual}: fix "io" in the model's config (or serve the file it describes)`
    );
  }
  const hash = ioSpecHash(io);
  if (registered && registered !== ZeroHash && registered !== hash) {
    throw new Error(
      `model '${config.name}' (${config.file}): its ModelRegistry entry declares ioSpecHash ${registered}, but the file's inputs/outputs ` +
        `${actual} hash to ${hash}: the entry describes another interface; serve the file that was registered`
    );
  }
  return hash;
}

/**
 * Loads one model: sha256 of its bytes, registry check (if `registry` is given: refused unless the hash is
 * an active entry), then `instances` session workers on the preferred execution providers, and the interface check
 * (the file's inputs/outputs against the config's `io` and the registry's ioSpecHash, when either is declared).
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
  let registeredIo: Hex | undefined;
  if (opts.registry) {
    const reg = await checkModelRegistration({ runner: opts.registry.runner, registry: opts.registry.address, modelHash, name: config.name, file: config.file });
    policy = reg.policy;
    registeredIo = reg.ioSpecHash;
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
    const inputs = toIo(runner.inputs, config.name);
    const outputs = toIo(runner.outputs, config.name);
    const ioHash = checkIo(config, { inputs, outputs }, registeredIo);
    await runner.warmup(config.warmup);
    return { config, modelHash, policy, policySource, inputs, outputs, ioSpecHash: ioHash, runner };
  } catch (err) {
    await runner.close();
    throw err;
  }
}
