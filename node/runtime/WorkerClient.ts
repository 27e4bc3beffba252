// Main-thread handle of one session worker: starts it, sends one run at a time, surfaces crashes.
import { Worker } from "node:worker_threads";
import type { RawTensor } from "./RawTensor.js";
import type { WorkerInit, WorkerReady, WorkerRunResult } from "./WorkerMessages.js";
import { ModelExecutionError } from "./ModelExecutionError.js";

/** What a run returns: the outputs and onnxruntime's own run time. */
export interface WorkerRunOutput {
  outputs: RawTensor[];
  inferUs: number;
}

type ReadyInfo = Extract<WorkerReady, { kind: "ready" }>;

/**
 * One onnxruntime session in its own worker thread (session.run blocks its thread for the whole
 * inference, so the event loop must not host it). At most one run is in flight per worker.
 *
 * @example
 * const w = await WorkerClient.start({ modelPath, executionProviders: ["cpu"], intraOpNumThreads: 1 });
 * const { outputs } = await w.run([{ name: "x", type: "float32", dims: [1, 4], data: new Float32Array(4) }]);
 */
export class WorkerClient {
  private nextId = 1;
  private pending?: { id: number; resolve: (r: WorkerRunOutput) => void; reject: (e: Error) => void };
  private exited = false;
  /** Called once when the worker thread dies unexpectedly. */
  onExit?: (err: Error) => void;

  private constructor(private readonly worker: Worker, readonly info: ReadyInfo) {
    worker.on("message", (msg: WorkerRunResult) => this.settle(msg));
    const die = (err: Error) => {
      if (this.exited) return;
      this.exited = true;
      this.pending?.reject(new ModelExecutionError(`session worker died: ${err.message}`, false));
      this.pending = undefined;
      this.onExit?.(err);
    };
    worker.on("error", die);
    worker.on("exit", (code) => die(new Error(`exit code ${code}`)));
  }

  /** Starts a worker and waits until its session is loaded. Rejects with the loader's message. */
  static async start(init: WorkerInit): Promise<WorkerClient> {
    // FP32 semantics on GPUs. The CUDA EP runs convs/matmuls on TF32 tensor cores by default (10-bit mantissa):
    // on an H100 that moved PaddleOCR rec outputs by up to 12% of the largest value against CPU and flipped top-1
    // characters, while with TF32 off CUDA agrees with CPU to 1 - cosine <= 4e-11 (node/validator/tools/
    // measureCudaDrift.mjs). Validators compare under tight policies, so honest nodes must compute in FP32.
    // Set here, on the main thread: a worker's process.env is a copy that native code (cuBLAS/cuDNN) never sees.
    process.env.NVIDIA_TF32_OVERRIDE ??= "0";
    const worker = new Worker(new URL("./ortWorker.ts", import.meta.url), { workerData: init });
    let onMessage!: (m: WorkerReady) => void;
    let onError!: (e: Error) => void;
    let onExit!: (code: number) => void;
    const ready = await new Promise<WorkerReady>((resolve, reject) => {
      onMessage = resolve;
      onError = reject;
      onExit = (code) => reject(new Error(`session worker exited with code ${code} while loading`));
      worker.once("message", onMessage).once("error", onError).once("exit", onExit);
    }).finally(() => worker.off("message", onMessage).off("error", onError).off("exit", onExit));
    if (ready.kind === "failed") {
      await worker.terminate();
      throw new Error(ready.message);
    }
    return new WorkerClient(worker, ready);
  }

  /** Whether a run is in flight. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Whether the thread has died. */
  get dead(): boolean {
    return this.exited;
  }

  /** Runs one set of feeds; their buffers are transferred (unusable afterwards). */
  run(feeds: RawTensor[]): Promise<WorkerRunOutput> {
    if (this.exited) return Promise.reject(new ModelExecutionError("session worker is not running", false));
    if (this.pending) return Promise.reject(new Error("WorkerClient.run called while busy"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const transfer = feeds.map((f) => f.data.buffer as ArrayBuffer);
      this.worker.postMessage({ kind: "run", id, feeds }, transfer);
    });
  }

  /**
   * Stops the thread gracefully: waits for a run in flight (up to `graceMs`), lets the worker release its
   * session and exit, and only then (or after the grace period) terminates it.
   */
  async close(graceMs = 30_000): Promise<void> {
    if (this.exited) return;
    const inFlight = this.pending;
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    if (inFlight) {
      await Promise.race([
        new Promise<void>((resolve) => {
          const { resolve: ok, reject: ko } = inFlight;
          inFlight.resolve = (r) => (ok(r), resolve());
          inFlight.reject = (e) => (ko(e), resolve());
        }),
        new Promise((r) => setTimeout(r, graceMs)),
      ]);
    }
    this.exited = true;
    this.pending?.reject(new ModelExecutionError("session worker closed", false));
    this.pending = undefined;
    this.worker.postMessage({ kind: "close" });
    const timer = setTimeout(() => void this.worker.terminate(), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private settle(msg: WorkerRunResult): void {
    const p = this.pending;
    if (!p || p.id !== msg.id) return;
    this.pending = undefined;
    if (msg.kind === "result") p.resolve({ outputs: msg.outputs, inferUs: msg.inferUs });
    else p.reject(new ModelExecutionError(msg.message, true));
  }
}
