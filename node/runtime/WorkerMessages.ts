// The messages exchanged between the main thread and an onnxruntime session worker.
import type { RawTensor } from "./RawTensor.js";

/** What a worker is started with (its `workerData`). */
export interface WorkerInit {
  /** Absolute path of the .onnx file. */
  modelPath: string;
  /** Execution providers in order of preference, e.g. `["cuda", "cpu"]`. */
  executionProviders: string[];
  /** Threads onnxruntime may use inside one operator. */
  intraOpNumThreads: number;
}

/** One input or output of the loaded graph; symbolic or unknown dims are -1. */
export interface WorkerTensorSpec {
  name: string;
  type: string;
  shape: number[];
}

/** Sent once the session is created (or creating it failed). */
export type WorkerReady =
  | {
      kind: "ready";
      /** The execution provider the session runs on (the first of the list that loaded). */
      executionProvider: string;
      /** Why the preferred providers were skipped, when the session fell back to CPU. */
      fallbackReason?: string;
      inputs: WorkerTensorSpec[];
      outputs: WorkerTensorSpec[];
    }
  | { kind: "failed"; message: string };

/** A run request: one (possibly batched) set of feeds. */
export interface WorkerRunRequest {
  kind: "run";
  id: number;
  feeds: RawTensor[];
}

/** A run's result or its failure. */
export type WorkerRunResult =
  | { kind: "result"; id: number; outputs: RawTensor[]; inferUs: number }
  | { kind: "runFailed"; id: number; message: string };
