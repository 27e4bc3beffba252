// A registered inference node as the SDK sees it (chain data plus the node's published stats).
import type { Address } from "../index.js";

/** Statistics a node publishes at `GET /v2/stats` (wait-time percentiles, acceptance, queue, price). */
export interface NodeStats {
  p50Ms?: number;
  p99Ms?: number;
  acceptanceRate?: number;
  queueLength?: number;
  requests?: number;
  raw: Record<string, unknown>;
}

/** A node registered in the Subnet. */
export interface NodeInfo {
  /** Operator (pool owner) address: the key of its stake pool. */
  operator: Address;
  /** The key that signs receipts and commits batches. */
  signingKey: Address;
  /** Base URL of its Open Inference Protocol v2 endpoint. */
  endpoint: string;
  /** Price per inference in token base units. */
  price: bigint;
  region: string;
  energySource: string;
  /** Grid carbon intensity in gCO2/kWh. */
  carbonIntensity: number;
  /** Total stake of its pool (self + delegated). */
  stake: bigint;
  /** Whether it may serve and commit (registered, staked, not jailed). */
  active: boolean;
  /** Its slot (uid) in the Subnet's weight vectors. */
  slot: number;
  /** Consensus weight of the last finalised epoch (0..1). */
  consensus: number;
  /** Incentive of the last finalised epoch (0..1). */
  incentive: number;
  /** Emission earned in the last finalised epoch, token base units. */
  lastEmission: bigint;
  /** Raw on-chain record for fields the SDK does not name. */
  raw: Record<string, unknown>;
  /** Filled by discovery: the node's published stats, when reachable. */
  stats?: NodeStats;
}
