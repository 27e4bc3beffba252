// One finalised epoch as the dashboard shows it.

/** Totals and per-node / per-validator results of one finalised epoch (amounts in token base units). */
export interface EpochSummary {
  epoch: number;
  blockNumber: number;
  txHash: string;
  emission: bigint;
  ownerAmount: bigint;
  burned: bigint;
  nodesShare: bigint;
  validatorsShare: bigint;
  nodes: { node: string; consensus: number; incentive: number; emission: bigint }[];
  validators: { validator: string; trust: number; dividends: number; emission: bigint }[];
  /** Revealed weights per validator: node operator -> u16 weight. */
  weights: { validator: string; weights: Record<string, number> }[];
}
