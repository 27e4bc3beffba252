// The Subnet's epoch clock: current epoch, window, finalisation progress.
import type { ClientContext } from "./ClientContext.js";

/** Where the subnet is in its epoch cycle. */
export interface EpochInfo {
  /** Epoch of the current block. */
  epoch: number;
  /** "commit" in the first `commitBlocks` blocks of the epoch, "reveal" after. */
  phase: "commit" | "reveal";
  block: number;
  epochLength: number;
  commitBlocks: number;
  /** First block of the current epoch. */
  epochStartBlock: number;
  /** First block of the next epoch. */
  nextEpochBlock: number;
  /** Number of finalised epochs (= the next epoch to finalise). */
  finalized: number;
  finalizing: boolean;
  emissionPerEpoch: bigint;
}

/**
 * Reads the epoch schedule (epochs are block ranges of `epochLength` from the Subnet's genesis block).
 *
 * @example
 * const { epoch, phase, nextEpochBlock } = await client.epochInfo();
 */
export async function epochInfo(ctx: ClientContext): Promise<EpochInfo> {
  const subnet = ctx.contracts.subnet;
  const [block, genesis, params, status] = await Promise.all([ctx.provider.getBlockNumber(), subnet.genesisBlock(), subnet.params(), subnet.epochStatus()]);
  const L = Number(params.epochLength);
  const d = block - Number(genesis);
  const epoch = Math.floor(d / L);
  const epochStartBlock = Number(genesis) + epoch * L;
  return {
    epoch,
    phase: d % L < Number(params.commitBlocks) ? "commit" : "reveal",
    block,
    epochLength: L,
    commitBlocks: Number(params.commitBlocks),
    epochStartBlock,
    nextEpochBlock: epochStartBlock + L,
    finalized: Number(status[0]),
    finalizing: Boolean(status[1]),
    emissionPerEpoch: BigInt(params.emissionPerEpoch),
  };
}
