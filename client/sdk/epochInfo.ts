// The Subnet's current epoch and its schedule.
import type { ClientContext } from "./ClientContext.js";

/** Where the subnet is in its epoch cycle. */
export interface EpochInfo {
  epoch: number;
  /** First block of the next epoch, when the contract exposes it. */
  nextEpochBlock?: number;
  raw: Record<string, unknown>;
}

/**
 * The current epoch number (and next epoch block).
 *
 * @example
 * const { epoch } = await client.epochInfo();
 */
export async function epochInfo(ctx: ClientContext): Promise<EpochInfo> {
  const epoch = Number(await ctx.contracts.subnet.currentEpoch());
  return { epoch, raw: {} };
}
