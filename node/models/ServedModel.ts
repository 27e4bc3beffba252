// A loaded model as the server uses it: config, content hash, policy, io specs and its runner.
import type { Hex } from "../../client/index.js";
import type { ModelRunner } from "../runtime/ModelRunner.js";
import type { ResolvedModelConfig } from "./ResolvedModelConfig.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";
import type { ModelIoSpec } from "./ModelIoSpec.js";

/** A model ready to serve. */
export interface ServedModel {
  config: ResolvedModelConfig;
  /** sha256 of the .onnx bytes (the model id on-chain). */
  modelHash: Hex;
  /** The policy in force: the registry's when a registry is configured, else the config's. */
  policy: VerificationPolicy;
  /** Where the policy came from. */
  policySource: "registry" | "config";
  inputs: ModelIoSpec[];
  outputs: ModelIoSpec[];
  /** sha256 of the canonical inputs/outputs spec (client `ioSpecHash`), as registered in the ModelRegistry. */
  ioSpecHash: Hex;
  runner: ModelRunner;
}
