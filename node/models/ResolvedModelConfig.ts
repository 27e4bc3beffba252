// A model config with every default applied and its file path made absolute.
import type { IoSpec } from "../../client/index.js";
import type { ModelConfig } from "./ModelConfig.js";
import type { VerificationPolicy } from "./VerificationPolicy.js";

/** ModelConfig after loadModelConfigs: defaults applied (`padBatches` stays optional: it depends on the provider; `io` is optional). */
export type ResolvedModelConfig = Required<Omit<ModelConfig, "description" | "policy" | "padBatches" | "warmup" | "io">> & {
  policy: VerificationPolicy;
  description?: string;
  padBatches?: boolean;
  warmup: Record<string, number[]>[];
  io?: IoSpec;
};
