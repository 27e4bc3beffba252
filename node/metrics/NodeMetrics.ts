// Prometheus metrics of the node, named after Triton's (nv_inference_*) plus receipts, commits and EPs.
import { Registry, Counter, Gauge, collectDefaultMetrics } from "prom-client";
import type { InferOutcome } from "../runtime/InferOutcome.js";

/** Live values the gauges read at scrape time. */
export interface MetricsSources {
  receiptsPending: () => number;
  receiptsCommitted: () => number;
  queueLength: (model: string) => number;
  models: () => { name: string; version: string; executionProvider: string }[];
}

/**
 * One registry per node instance (several nodes can share a process in tests).
 *
 * @example
 * const metrics = new NodeMetrics(sources); app.get("/metrics", ...metrics.registry.metrics());
 */
export class NodeMetrics {
  readonly registry = new Registry();
  private readonly labels = ["model", "version"] as const;
  readonly requestSuccess = new Counter({ name: "nv_inference_request_success", help: "Successful inference requests", labelNames: this.labels, registers: [this.registry] });
  readonly requestFailure = new Counter({
    name: "nv_inference_request_failure",
    help: "Failed inference requests (reason: client, rejected, timeout, server)",
    labelNames: [...this.labels, "reason"],
    registers: [this.registry],
  });
  readonly inferenceCount = new Counter({ name: "nv_inference_count", help: "Inferences performed (a batch of N counts N)", labelNames: this.labels, registers: [this.registry] });
  readonly execCount = new Counter({ name: "nv_inference_exec_count", help: "Model executions (batches) performed", labelNames: this.labels, registers: [this.registry] });
  readonly requestDuration = new Counter({ name: "nv_inference_request_duration_us", help: "Cumulative end-to-end inference request handling time", labelNames: this.labels, registers: [this.registry] });
  readonly queueDuration = new Counter({ name: "nv_inference_queue_duration_us", help: "Cumulative time requests waited in the queue", labelNames: this.labels, registers: [this.registry] });
  readonly computeInput = new Counter({ name: "nv_inference_compute_input_duration_us", help: "Cumulative input preparation time", labelNames: this.labels, registers: [this.registry] });
  readonly computeInfer = new Counter({ name: "nv_inference_compute_infer_duration_us", help: "Cumulative model execution time", labelNames: this.labels, registers: [this.registry] });
  readonly computeOutput = new Counter({ name: "nv_inference_compute_output_duration_us", help: "Cumulative output extraction time", labelNames: this.labels, registers: [this.registry] });
  readonly receiptUs = new Counter({ name: "veritensor_receipt_duration_us", help: "Cumulative time spent digesting, signing and storing receipts", labelNames: this.labels, registers: [this.registry] });
  readonly commitFailures = new Counter({ name: "veritensor_commit_failures_total", help: "Failed AuditLog.commitBatch attempts", registers: [this.registry] });
  readonly inclusionChallenges = new Counter({
    name: "veritensor_inclusion_challenges_total",
    help: "Inclusion challenges against this node by result (answered, answered_by_other, unanswerable, missed; failed counts failed answer attempts)",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly batchesCommitted = new Counter({ name: "veritensor_batches_committed_total", help: "Receipt batches committed on-chain", registers: [this.registry] });

  constructor(sources: MetricsSources) {
    new Gauge({ name: "veritensor_receipts_pending", help: "Receipts stored but not yet committed on-chain", registers: [this.registry], collect() { this.set(sources.receiptsPending()); } });
    new Gauge({ name: "veritensor_receipts_committed", help: "Receipts covered by committed batches", registers: [this.registry], collect() { this.set(sources.receiptsCommitted()); } });
    new Gauge({
      name: "nv_inference_pending_request_count",
      help: "Requests waiting in a model's queue",
      labelNames: ["model"],
      registers: [this.registry],
      collect() {
        for (const m of sources.models()) this.set({ model: m.name }, sources.queueLength(m.name));
      },
    });
    new Gauge({
      name: "veritensor_execution_provider",
      help: "Execution provider each model runs on (value 1)",
      labelNames: ["model", "version", "provider"],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const m of sources.models()) this.set({ model: m.name, version: m.version, provider: m.executionProvider }, 1);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "veritensor_process_" });
  }

  /** Records one successful request. */
  observeSuccess(model: string, version: string, o: InferOutcome, totalUs: number, receiptUs: number): void {
    const l = { model, version };
    this.requestSuccess.inc(l);
    this.requestDuration.inc(l, totalUs);
    this.queueDuration.inc(l, o.queueUs);
    this.computeInput.inc(l, o.computeInputUs);
    this.computeInfer.inc(l, o.computeInferUs / o.batchRequests);
    this.computeOutput.inc(l, o.computeOutputUs);
    this.receiptUs.inc(l, receiptUs);
  }
}
