// Everything the HTTP routes need, built once by startNode.
import type { Logger } from "../log/Logger.js";
import type { ServedModel } from "../models/ServedModel.js";
import type { ReceiptIssuer } from "../receipts/ReceiptIssuer.js";
import type { ReceiptStore } from "../store/ReceiptStore.js";
import type { NodeMetrics } from "../metrics/NodeMetrics.js";
import type { RollingPercentiles } from "../metrics/RollingPercentiles.js";
import type { BatchProofs } from "../chain/BatchProofs.js";
import type { NodeHooks } from "../hooks/NodeHooks.js";
import type { ReceiptDomain } from "../../client/index.js";

/** Per-model request counters for /v2/stats. */
export interface ModelStats {
  accepted: number;
  rejected: number;
  failed: number;
  waitMs: RollingPercentiles;
}

/** Shared state of one running node. */
export interface NodeContext {
  logger: Logger;
  models: Map<string, ServedModel>;
  issuer: ReceiptIssuer;
  store: ReceiptStore;
  proofs: BatchProofs;
  metrics: NodeMetrics;
  stats: Map<string, ModelStats>;
  /** Queue wait times of all models together. */
  waitMs: RollingPercentiles;
  domain: ReceiptDomain;
  hooks?: NodeHooks;
  maxBodyBytes: number;
  retainDataSeconds: number;
  pricePerRequest: string;
  /** Whether a committer is running, and its last error. */
  commitStatus: () => { enabled: boolean; lastError?: string };
  /** Server version string. */
  version: string;
}
