// What ModelRunner.infer returns for one request: its own outputs plus where the time went.
import type { RawTensor } from "./RawTensor.js";

/** One request's outputs and timings (microseconds), after its batch was split back. */
export interface InferOutcome {
  outputs: RawTensor[];
  /** Time from enqueue to dispatch. */
  queueUs: number;
  /** Copying/concatenating inputs for the worker. */
  computeInputUs: number;
  /** onnxruntime's run of the whole batch. */
  computeInferUs: number;
  /** Round trip to the worker minus the run, plus splitting outputs. */
  computeOutputUs: number;
  /** Requests merged into the execution that served this one. */
  batchRequests: number;
  /** Combined first dimension of that execution. */
  batchSize: number;
}
