// Results of the last finalised epoch (or of an older block).
import type { ClientContext } from "../ClientContext.js";
import { q32 } from "../internal/q32.js";

/** The results of a finalised epoch in readable units. */
export interface EpochResultsInfo {
  epoch: number;
  emission: bigint;
  nodes: { operator: string; consensus: number; incentive: number; emission: bigint }[];
  validators: { operator: string; stake: number; trust: number; dividends: number; emission: bigint }[];
}

/**
 * Results of the last finalised epoch (or as of an older block, to read history).
 *
 * @example
 * const r = await client.epochResults();
 * r.nodes.forEach((n) => console.log(n.operator, n.consensus, formatUnits(n.emission, 18)));
 */
export async function epochResults(ctx: ClientContext, p: { blockTag?: number } = {}): Promise<EpochResultsInfo> {
  const r = await ctx.contracts.subnet.epochResults(p.blockTag === undefined ? {} : { blockTag: p.blockTag });
  return {
    epoch: Number(r.epoch),
    emission: BigInt(r.emission),
    nodes: [...r.nodes].map((operator: string, i: number) => ({ operator, consensus: q32(r.consensus[i]), incentive: q32(r.incentive[i]), emission: BigInt(r.nodeEmission[i]) })),
    validators: [...r.validators].map((operator: string, i: number) => ({
      operator,
      stake: q32(r.stake[i]),
      trust: q32(r.validatorTrust[i]),
      dividends: q32(r.dividends[i]),
      emission: BigInt(r.validatorEmission[i]),
    })),
  };
}
