// A model config with every default applied and its file path made absolute.
import type { ModelConfig } from "./ModelConfig.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";

/** ModelConfig after loadModelConfigs: nothing optional except `description`. */
export type ResolvedModelConfig = Required<Omit<ModelConfig, "description" | "policy">> & {
  policy: VerificationPolicy;
  description?: string;
};
