// Finalises every epoch that is over.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/** Progress of `finalizeEpochs`: one call per transaction sent. */
export interface FinalizeEpochsProgress {
  /** The epoch being finalised. */
  epoch: number;
  /** Transactions sent for this epoch so far (an epoch of a large subnet takes several chunks). */
  transactions: number;
  /** Gas those transactions used. */
  gasUsed: bigint;
  /** Whether this epoch is now finalised. */
  done: boolean;
}

/**
 * Finalises the oldest unfinalised epoch (in chunks of at most `maxSteps` steps, each transaction under 16M gas)
 * until it is done, then the next, while epochs are over; anyone may. `onProgress` hears of every transaction.
 * Returns the epochs finalised (possibly none when no epoch is over yet), the transactions and their gas.
 *
 * @example
 * await client.finalizeEpochs(64, (p) => console.log(`epoch ${p.epoch}: ${p.transactions} txs`));
 */
export async function finalizeEpochs(
  ctx: ClientContext,
  maxSteps = 64,
  onProgress?: (p: FinalizeEpochsProgress) => void,
): Promise<{ finalized: number[]; transactions: number; gasUsed: bigint }> {
  const subnet = ctx.contracts.subnet;
  const finalized: number[] = [];
  let transactions = 0;
  let gasUsed = 0n;
  const [genesis, params] = await Promise.all([subnet.genesisBlock(), subnet.params()]);
  for (;;) {
    const [done] = await subnet.epochStatus();
    const block = await ctx.provider.getBlockNumber();
    if (block + 1 < Number(genesis) + (Number(done) + 1) * Number(params.epochLength)) return { finalized, transactions, gasUsed };
    const epoch = Number(done);
    const mine = { epoch, transactions: 0, gasUsed: 0n, done: false };
    while (!mine.done) {
      const tx = await sendTransaction(ctx, "finalizeEpoch", subnet, "finalizeEpoch", [maxSteps]);
      mine.transactions++;
      mine.gasUsed += BigInt(tx.gasUsed);
      mine.done = tx.logs.some((l) => subnet.interface.parseLog({ topics: [...l.topics], data: l.data })?.name === "EpochFinalized");
      onProgress?.({ ...mine });
    }
    transactions += mine.transactions;
    gasUsed += mine.gasUsed;
    finalized.push(epoch);
  }
}
