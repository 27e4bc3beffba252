// The validator's independent measurements, served at GET /stats and returned by stats().
import type { Address } from "../../client/index.js";
import type { NodeRecordSummary } from "./NodeRecord.js";

/** One challenge this validator opened (or finalised) and what became of it. */
export interface ChallengeRecord {
  id: string;
  kind: "doubleSign" | "inclusion" | "wrongOutput";
  node: Address;
  seq: string;
  reason: string;
  status: string;
  outcome: string;
  openedAt: number;
}

/** Snapshot of the daemon. */
export interface ValidatorStats {
  validator: Address;
  chainId: string;
  startedAt: number;
  /** Per node: availability, wait p50/p99, acceptance, faults, score. */
  nodes: NodeRecordSummary[];
  /** Counts: probes sent, probe re-runs, audited committed receipts, rejected answers, re-run and infer time (ms), receipts proved included on-chain. */
  totals: { probes: number; probeChecks: number; audits: number; rejected: number; rerunMs: number; inferMs: number; inclusionProofs: number };
  challenges: ChallengeRecord[];
  committee: { votes: number; match: number; mismatch: number; abstained: number };
  weights: { committedEpochs: string[]; revealedEpochs: string[] };
}
