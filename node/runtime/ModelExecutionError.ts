// Raised when onnxruntime refuses or fails a run (bad shapes the graph cannot take, a crashed worker).

/** onnxruntime failed to run a batch; `inputFault` says whether the input (not the node) is to blame. */
export class ModelExecutionError extends Error {
  override name = "ModelExecutionError";
  /**
   * @param message what onnxruntime said
   * @param inputFault true when the graph rejected the feeds (a client error), false when the worker died
   */
  constructor(message: string, readonly inputFault: boolean) {
    super(message);
  }
}
