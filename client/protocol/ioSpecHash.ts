// The ioSpecHash a ModelRegistry entry carries: sha256 of the model's canonical input/output spec.
import { createHash } from "node:crypto";
import type { Hex } from "./Hex.js";
import type { IoSpec } from "./IoSpec.js";
import { canonicalIoSpec } from "./canonicalIoSpec.js";

/**
 * `sha256(canonicalIoSpec(spec))` as a bytes32 hex: what `ModelRegistry.registerModel` takes as `ioSpecHash`, and
 * what a node's OIP model metadata (`GET /v2/models/{name}`: inputs, outputs) must hash to. Throws
 * {@link TensorCodecError} on a malformed spec.
 *
 * @example
 * const meta = await (await fetch(`${url}/v2/models/mlp`)).json();
 * ioSpecHash(meta) === (await registry.getModel(meta.modelHash)).ioSpecHash; // the node serves the registered interface
 */
export function ioSpecHash(spec: IoSpec): Hex {
  return `0x${createHash("sha256").update(canonicalIoSpec(spec), "utf8").digest("hex")}`;
}
