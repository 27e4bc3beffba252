// Settings of one model's worker pool and dynamic batcher.

/** How one model is executed: pool size, providers and Triton-like dynamic batching knobs. */
export interface ModelRunnerOptions {
  /** Model name (for errors and logs). */
  name: string;
  /** Absolute path of the .onnx file. */
  modelPath: string;
  /** Session workers (threads) for this model. */
  instances: number;
  /** Execution providers in order of preference, e.g. `["cuda", "cpu"]`. */
  executionProviders: string[];
  /** onnxruntime intra-op threads per worker. */
  intraOpNumThreads: number;
  /**
   * Largest combined first dimension of one execution. Batching is on when it is > 1 and every input
   * and output has a variable first dimension; requests are then merged along that dimension.
   */
  maxBatchSize: number;
  /** How long the oldest queued request may wait for others to fill a batch (Triton's max_queue_delay_microseconds). */
  maxQueueDelayUs: number;
  /** Requests waiting beyond this bound are refused with QueueFullError (HTTP 429). */
  maxQueueSize: number;
  /** Per-request limit on queue plus execution time. */
  timeoutMs: number;
  /**
   * Pad every merged batch to maxBatchSize rows: one shape per execution (default: on for GPU providers,
   * off on CPU). `true` for a model that cannot batch makes `ModelRunner.create` reject.
   */
  padBatches?: boolean;
}
