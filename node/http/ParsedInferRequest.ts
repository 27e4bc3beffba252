// An inference request after decoding the JSON or binary body, before checking it against the model.
import type { Tensor } from "../../client/index.js";

/** One requested output and whether it should come back as binary data. */
export interface RequestedOutput {
  name: string;
  binary: boolean;
}

/** A decoded OIP v2 inference request. */
export interface ParsedInferRequest {
  /** The client's request id, echoed in the response. */
  id?: string;
  /** Request-level parameters (as sent). */
  parameters: Record<string, unknown>;
  inputs: Tensor[];
  /** Outputs asked for; undefined means all, as JSON unless `binaryOutput`. */
  outputs?: RequestedOutput[];
  /** `parameters.binary_data_output: true`: every output as binary data. */
  binaryOutput: boolean;
}
