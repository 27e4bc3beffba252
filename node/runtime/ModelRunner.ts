// One model's pool of session workers with a bounded queue and dynamic batching along the first dim.
import type { RawTensor } from "./RawTensor.js";
import type { TensorData } from "../../client/index.js";
import type { ModelRunnerOptions } from "./ModelRunnerOptions.js";
import type { InferOutcome } from "./InferOutcome.js";
import type { WorkerTensorSpec } from "./WorkerMessages.js";
import { WorkerClient } from "./WorkerClient.js";
import { QueueFullError } from "./QueueFullError.js";
import { RequestTimeoutError } from "./RequestTimeoutError.js";
import { ModelExecutionError } from "./ModelExecutionError.js";

interface Job {
  inputs: RawTensor[];
  rows: number;
  key: string;
  enqueuedNs: bigint;
  done: boolean;
  timer?: NodeJS.Timeout;
  resolve: (o: InferOutcome) => void;
  reject: (e: Error) => void;
}

/** One execution's facts, reported to `onExecution` (metrics). */
export interface ExecutionReport {
  requests: number;
  batchSize: number;
  inferUs: number;
}

type TypedArrayCtor = new (n: number) => TensorData;

/** Typed array per onnxruntime type (for warm-up inputs). */
const TYPED_ARRAYS: Record<string, TypedArrayCtor> = {
  float32: Float32Array,
  float64: Float64Array,
  float16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
};

const nowNs = () => process.hrtime.bigint();

/** Why requests cannot be merged along the first dimension, or undefined when they can. */
function whyUnbatched(maxBatchSize: number, inputs: WorkerTensorSpec[], outputs: WorkerTensorSpec[]): string | undefined {
  if (maxBatchSize <= 1) return `maxBatchSize is ${maxBatchSize}`;
  if (inputs.length === 0) return "the model has no inputs";
  for (const [kind, specs] of [["input", inputs], ["output", outputs]] as const) {
    const fixed = specs.find((s) => s.shape.length === 0 || s.shape[0] !== -1);
    if (fixed) return `${kind} '${fixed.name}' ${fixed.shape.length === 0 ? "is a scalar" : `has a fixed first dimension (${fixed.shape[0]})`}`;
  }
  return undefined;
}

/**
 * Runs one model on a pool of worker threads. Requests whose inputs share every dim but the first are
 * merged into one execution (up to `maxBatchSize` rows, waiting at most `maxQueueDelayUs` for more),
 * and the outputs are split back so each request gets exactly its own rows.
 *
 * @example
 * const runner = await ModelRunner.create({ name: "cls", modelPath, instances: 2, executionProviders: ["cpu"],
 *   intraOpNumThreads: 1, maxBatchSize: 16, maxQueueDelayUs: 200, maxQueueSize: 256, timeoutMs: 10_000 });
 * const { outputs } = await runner.infer([{ name: "x", type: "float32", dims: [1, 3, 48, 192], data }]);
 */
export class ModelRunner {
  private readonly queue: Job[] = [];
  private readonly idle: WorkerClient[] = [];
  private readonly workers = new Set<WorkerClient>();
  private delayTimer?: NodeJS.Timeout;
  private closed = false;
  private avgExecUs = 1000;
  private avgRowsPerExec = 1;
  /** Whether requests are merged along the first dimension. */
  readonly batching: boolean;
  /** Why they are not, when `batching` is false. */
  readonly unbatchedReason?: string;
  /** Called after every execution (for metrics). */
  onExecution?: (r: ExecutionReport) => void;
  /** Called when a worker dies and is replaced (for logs). */
  onWorkerRestart?: (err: Error) => void;
  /**
   * Pad every merged batch to maxBatchSize rows, so each execution has the same shape. On by default for
   * GPU providers. Measured on an H100: with batch sizes varying from run to run (exact or power-of-two
   * padded alike) PaddleOCR cls runs took ~0.7 s each, while the same runner fed a steady batch size took
   * ~4 ms; the likely cause is cuDNN re-tuning per shape, which onnxruntime-node's CUDA options (deviceId
   * only) cannot turn off. A constant shape avoids it (not yet re-measured on a GPU); the padding costs
   * little there. Off on CPU, where padding only costs.
   */
  readonly padBuckets: boolean;

  private constructor(readonly options: ModelRunnerOptions, first: WorkerClient) {
    this.unbatchedReason = whyUnbatched(options.maxBatchSize, first.info.inputs, first.info.outputs);
    this.batching = this.unbatchedReason === undefined;
    this.padBuckets = this.batching && (options.padBatches ?? first.info.executionProvider !== "cpu");
    this.adopt(first);
  }

  /**
   * Starts `instances` workers and waits until all have loaded the model. Rejects when `padBatches` is
   * true for a model that cannot batch (there would be nothing to pad: a config mistake).
   */
  static async create(options: ModelRunnerOptions): Promise<ModelRunner> {
    const init = {
      modelPath: options.modelPath,
      executionProviders: options.executionProviders,
      intraOpNumThreads: options.intraOpNumThreads,
    };
    const first = await WorkerClient.start(init);
    const runner = new ModelRunner(options, first);
    try {
      if (options.padBatches && !runner.batching) {
        throw new Error(`model '${options.name}': "padBatches" is true but the model runs unbatched (${runner.unbatchedReason}), so there is nothing to pad; remove "padBatches" from its config`);
      }
      const rest = await Promise.all(Array.from({ length: Math.max(0, options.instances - 1) }, () => WorkerClient.start(init)));
      for (const w of rest) runner.adopt(w);
    } catch (err) {
      await runner.close();
      throw err;
    }
    return runner;
  }

  /** Graph inputs (-1 for variable dims). */
  get inputs(): WorkerTensorSpec[] {
    return this.anyWorker().info.inputs;
  }

  /** Graph outputs (-1 for variable dims). */
  get outputs(): WorkerTensorSpec[] {
    return this.anyWorker().info.outputs;
  }

  /** The execution provider the sessions run on. */
  get executionProvider(): string {
    return this.anyWorker().info.executionProvider;
  }

  /** Why the preferred providers were not used, if the sessions fell back to CPU. */
  get fallbackReason(): string | undefined {
    return this.anyWorker().info.fallbackReason;
  }

  /**
   * Runs zero inputs of the batch size the runner will use (maxBatchSize when padding, else 1) once on
   * every worker, for each sample of non-batch dims (`{ inputName: dims }`), so that providers tune their
   * kernels before the first request. Unbatched models take the full dims. Warm-up runs are not
   * executions: no `onExecution` report. Call it before the first request; requests that arrive meanwhile
   * wait in the queue until it ends.
   *
   * @example
   * await runner.warmup([{ x: [3, 48, 192] }]);
   */
  async warmup(samples: Record<string, number[]>[]): Promise<void> {
    if (samples.length === 0) return;
    const workers = [...this.workers];
    if (this.idle.length !== workers.length) throw new Error(`warmup of model '${this.options.name}' must run before its first request (a worker is busy)`);
    const size = this.padBuckets ? this.options.maxBatchSize : 1;
    this.idle.length = 0; // the workers are the warm-up's until it ends
    try {
      for (const sample of samples) {
        const feeds = (): RawTensor[] =>
          this.inputs.map((spec) => {
            const rest = sample[spec.name];
            if (!rest) throw new Error(`warmup sample of model '${this.options.name}' lacks input '${spec.name}'`);
            const dims = this.batching ? [size, ...rest] : rest;
            const ctor = TYPED_ARRAYS[spec.type];
            if (!ctor) throw new Error(`warmup of model '${this.options.name}': input type ${spec.type} is not supported`);
            return { name: spec.name, type: spec.type, dims, data: new ctor(dims.reduce((x, y) => x * y, 1)) };
          });
        // settle every run before handing the workers back: none may still be busy when requests get them
        const runs = await Promise.allSettled(workers.map((w) => w.run(feeds())));
        const failed = runs.find((r) => r.status === "rejected");
        if (failed) throw failed.reason;
      }
    } finally {
      for (const w of workers) this.release(w);
    }
  }

  /** Requests waiting for a worker. */
  get queueLength(): number {
    return this.queue.length;
  }

  /**
   * Queues one request. Inputs must already be validated against `inputs` (names, types, ranks).
   * Rejects with QueueFullError, RequestTimeoutError or ModelExecutionError.
   */
  infer(inputs: RawTensor[]): Promise<InferOutcome> {
    if (this.closed) return Promise.reject(new ModelExecutionError(`model '${this.options.name}' is shut down`, false));
    if (this.queue.length >= this.options.maxQueueSize) {
      const waitUs = (this.queue.length * this.avgExecUs) / (this.workers.size * Math.max(1, this.avgRowsPerExec));
      const retryAfter = Math.max(1, Math.ceil(waitUs / 1e6));
      return Promise.reject(new QueueFullError(this.options.name, this.options.maxQueueSize, retryAfter));
    }
    const sorted = [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const key = this.batching ? sorted.map((t) => `${t.name}:${t.type}:${t.dims.slice(1).join("x")}`).join("|") : "";
    return new Promise<InferOutcome>((resolve, reject) => {
      const job: Job = { inputs: sorted, rows: this.batching ? sorted[0].dims[0] : 1, key, enqueuedNs: nowNs(), done: false, resolve, reject };
      job.timer = setTimeout(() => this.expire(job), this.options.timeoutMs);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops every worker and fails queued requests. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.delayTimer);
    for (const job of this.queue.splice(0)) this.fail(job, new ModelExecutionError(`model '${this.options.name}' is shut down`, false));
    await Promise.all([...this.workers].map((w) => w.close()));
    this.workers.clear();
    this.idle.length = 0;
  }

  private anyWorker(): WorkerClient {
    const w = this.workers.values().next().value;
    if (!w) throw new Error(`model '${this.options.name}' has no workers`);
    return w;
  }

  private adopt(w: WorkerClient): void {
    this.workers.add(w);
    this.idle.push(w);
    w.onExit = (err) => this.replace(w, err);
  }

  private replace(dead: WorkerClient, err: Error): void {
    this.workers.delete(dead);
    const i = this.idle.indexOf(dead);
    if (i >= 0) this.idle.splice(i, 1);
    if (this.closed) return;
    this.onWorkerRestart?.(err);
    WorkerClient.start({
      modelPath: this.options.modelPath,
      executionProviders: this.options.executionProviders,
      intraOpNumThreads: this.options.intraOpNumThreads,
    }).then(
      (w) => {
        if (this.closed) return void w.close();
        this.adopt(w);
        this.pump();
      },
      (e: Error) => this.onWorkerRestart?.(e)
    );
  }

  private expire(job: Job): void {
    if (job.done) return;
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.fail(job, new RequestTimeoutError(this.options.name, this.options.timeoutMs));
  }

  private fail(job: Job, err: Error): void {
    if (job.done) return;
    job.done = true;
    clearTimeout(job.timer);
    job.reject(err);
  }

  /** Dispatches queued work to idle workers, waiting up to maxQueueDelayUs to fill a batch. */
  private pump(force = false): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const batch = this.batching ? this.takeBatch(force) : [this.queue.shift()!];
      if (batch.length === 0) return; // waiting for the delay timer
      this.execute(this.idle.pop()!, batch);
    }
  }

  /**
   * Picks the queued jobs of the head's shape that fit in maxBatchSize rows. The head is always taken,
   * even when it alone has more rows (it then runs alone: HTTP refuses such requests, direct callers
   * may not), so it can never block the queue.
   */
  private takeBatch(force: boolean): Job[] {
    const head = this.queue[0];
    const max = this.options.maxBatchSize;
    const picked: number[] = [];
    let rows = 0;
    for (let i = 0; i < this.queue.length && rows < max; i++) {
      const j = this.queue[i];
      if (j.key !== head.key || (i > 0 && rows + j.rows > max)) continue;
      picked.push(i);
      rows += j.rows;
    }
    const waitedUs = Number(nowNs() - head.enqueuedNs) / 1000;
    if (!force && rows < max && waitedUs < this.options.maxQueueDelayUs) {
      if (!this.delayTimer) {
        const ms = Math.max(0, (this.options.maxQueueDelayUs - waitedUs) / 1000);
        this.delayTimer = setTimeout(() => {
          this.delayTimer = undefined;
          this.pump(true);
        }, ms);
      }
      return [];
    }
    const jobs = picked.map((i) => this.queue[i]);
    for (let k = picked.length - 1; k >= 0; k--) this.queue.splice(picked[k], 1);
    return jobs;
  }

  private async execute(worker: WorkerClient, jobs: Job[]): Promise<void> {
    const t0 = nowNs();
    const live = jobs.filter((j) => !j.done);
    if (live.length === 0) {
      this.release(worker);
      return;
    }
    const batchSize = this.batching ? live.reduce((s, j) => s + j.rows, 0) : 1;
    const padded = this.padBuckets ? Math.max(batchSize, this.options.maxBatchSize) : batchSize;
    const feeds = this.batching ? concatFeeds(live, padded) : live[0].inputs.map(copyTensor);
    const t1 = nowNs();
    try {
      const { outputs, inferUs } = await worker.run(feeds);
      const t2 = nowNs();
      const split = this.batching ? splitOutputs(outputs, live, padded) : [outputs];
      const t3 = nowNs();
      this.avgExecUs = 0.9 * this.avgExecUs + 0.1 * inferUs;
      this.avgRowsPerExec = 0.9 * this.avgRowsPerExec + 0.1 * batchSize;
      this.onExecution?.({ requests: live.length, batchSize, inferUs });
      const roundTripUs = Number(t2 - t1) / 1000;
      live.forEach((job, k) => {
        if (job.done) return;
        job.done = true;
        clearTimeout(job.timer);
        job.resolve({
          outputs: split[k],
          queueUs: Number(t0 - job.enqueuedNs) / 1000,
          computeInputUs: Number(t1 - t0) / 1000,
          computeInferUs: inferUs,
          computeOutputUs: Math.max(0, roundTripUs - inferUs) + Number(t3 - t2) / 1000,
          batchRequests: live.length,
          batchSize,
        });
      });
    } catch (err) {
      for (const job of live) this.fail(job, err as Error);
    } finally {
      this.release(worker);
    }
  }

  private release(worker: WorkerClient): void {
    if (!worker.dead && this.workers.has(worker)) this.idle.push(worker);
    this.pump();
  }
}

/** A fresh copy of a tensor (its buffer is transferred to the worker). */
function copyTensor(t: RawTensor): RawTensor {
  return { name: t.name, type: t.type, dims: t.dims, data: t.data.slice() as TensorData };
}

/** Concatenates the jobs' inputs along the first dimension (jobs share names, types and other dims), zero-padded to `total` rows. */
function concatFeeds(jobs: Job[], total: number): RawTensor[] {
  const rows = jobs.reduce((s, j) => s + j.rows, 0);
  return jobs[0].inputs.map((first, i) => {
    if (jobs.length === 1 && rows === total) return { ...copyTensor(first), dims: [...first.dims] };
    const ctor = first.data.constructor as TypedArrayCtor;
    const rowLen = first.dims.slice(1).reduce((a, b) => a * b, 1);
    const data = new ctor(total * rowLen);
    let off = 0;
    for (const j of jobs) {
      (data as Float32Array).set(j.inputs[i].data as Float32Array, off);
      off += j.rows * rowLen;
    }
    return { name: first.name, type: first.type, dims: [total, ...first.dims.slice(1)], data };
  });
}

/** Splits a batch's outputs back into each job's rows (padding rows at the end are dropped). */
function splitOutputs(outputs: RawTensor[], jobs: Job[], total: number): RawTensor[][] {
  for (const o of outputs) {
    if (o.dims[0] !== total) {
      throw new ModelExecutionError(`output '${o.name}' has first dimension ${o.dims[0]}, expected the batch size ${total}`, false);
    }
  }
  let row = 0;
  return jobs.map((j) => {
    const mine = outputs.map((o) => {
      const rowLen = o.dims.slice(1).reduce((a, b) => a * b, 1);
      const data = o.data.subarray(row * rowLen, (row + j.rows) * rowLen) as TensorData;
      return { name: o.name, type: o.type, dims: [j.rows, ...o.dims.slice(1)], data };
    });
    row += j.rows;
    return mine;
  });
}
