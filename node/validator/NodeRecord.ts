// What the validator has measured about one inference node: availability, latency, acceptance, faults.
import type { Address } from "../../client/index.js";
import { percentile } from "./percentile.js";

/** A fault the validator found (and, when provable, challenged) on a node. */
export interface NodeFault {
  /** What was found; `slashed` means the chain slashed the node for a fault someone (maybe another validator) proved. */
  kind: "doubleSign" | "inclusion" | "wrongOutput" | "badReceipt" | "slashed";
  detail: string;
  at: number;
  /** The receipt seq the fault is about, when there is one. */
  seq?: string;
  challengeId?: string;
}

/** The summary /stats serves and the weights are computed from. */
export interface NodeRecordSummary {
  uid: string;
  signer: Address;
  operator: Address;
  endpoint: string;
  probes: number;
  answered: number;
  availability: number;
  waitMs: { p50: number | null; p99: number | null };
  checks: number;
  accepted: number;
  rejected: number;
  acceptance: number;
  audits: number;
  faults: NodeFault[];
  score: number;
}

const LATENCY_WINDOW = 1000;

/**
 * Per-node counters. The score is `availability × acceptance⁴ × 1/(1 + p50/1000 ms)`, and 0 once a fault is
 * found: a node that answers everything correctly and fast scores near 1, a slow one less, an unavailable or
 * wrong one much less (acceptance to the 4th power: 95% acceptance already costs 19%).
 *
 * @example
 * const rec = new NodeRecord({ uid: "1", signer, operator, endpoint });
 * rec.probe(12.5); rec.check(true); rec.score();
 */
export class NodeRecord {
  probes = 0;
  answered = 0;
  checks = 0;
  accepted = 0;
  audits = 0;
  readonly faults: NodeFault[] = [];
  private readonly latencies: number[] = [];

  constructor(public info: { uid: string; signer: Address; operator: Address; endpoint: string }) {}

  /** A probe was sent; `latencyMs` when it was answered, undefined when it failed. */
  probe(latencyMs: number | undefined): void {
    this.probes++;
    if (latencyMs === undefined) return;
    this.answered++;
    this.latencies.push(latencyMs);
    if (this.latencies.length > LATENCY_WINDOW) this.latencies.shift();
  }

  /** A re-execution check finished: `accepted` when the node's output matched under the policy. */
  check(accepted: boolean, audit = false): void {
    this.checks++;
    if (accepted) this.accepted++;
    if (audit) this.audits++;
  }

  fault(f: NodeFault): void {
    this.faults.push(f);
  }

  score(): number {
    if (this.faults.length > 0) return 0;
    const availability = this.probes === 0 ? 1 : this.answered / this.probes;
    const acceptance = this.checks === 0 ? 1 : this.accepted / this.checks;
    const p50 = percentile(this.latencies, 50);
    const speed = Number.isNaN(p50) ? 1 : 1 / (1 + p50 / 1000);
    return availability * acceptance ** 4 * speed;
  }

  summary(): NodeRecordSummary {
    const p50 = percentile(this.latencies, 50);
    const p99 = percentile(this.latencies, 99);
    return {
      ...this.info,
      probes: this.probes,
      answered: this.answered,
      availability: this.probes === 0 ? 1 : this.answered / this.probes,
      waitMs: { p50: Number.isNaN(p50) ? null : p50, p99: Number.isNaN(p99) ? null : p99 },
      checks: this.checks,
      accepted: this.accepted,
      rejected: this.checks - this.accepted,
      acceptance: this.checks === 0 ? 1 : this.accepted / this.checks,
      audits: this.audits,
      faults: [...this.faults],
      score: this.score(),
    };
  }
}
