// Finalises every epoch that is over.
import type { ClientContext } from "../ClientContext.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/**
 * Finalises the oldest unfinalised epoch (in chunks of `maxSteps`) until it is done; anyone may.
 * Returns the epochs finalised (possibly none when no epoch is over yet).
 *
 * @example
 * await client.finalizeEpochs();
 */
export async function finalizeEpochs(ctx: ClientContext, maxSteps = 64): Promise<{ finalized: number[] }> {
  const subnet = ctx.contracts.subnet;
  const finalized: number[] = [];
  const [genesis, params] = await Promise.all([subnet.genesisBlock(), subnet.params()]);
  for (;;) {
    const [done] = await subnet.epochStatus();
    const block = await ctx.provider.getBlockNumber();
    if (block + 1 < Number(genesis) + (Number(done) + 1) * Number(params.epochLength)) return { finalized };
    for (let finished = false; !finished; ) {
      const tx = await sendTransaction(ctx, "finalizeEpoch", subnet, "finalizeEpoch", [maxSteps]);
      finished = tx.logs.some((l) => subnet.interface.parseLog({ topics: [...l.topics], data: l.data })?.name === "EpochFinalized");
    }
    finalized.push(Number(done));
  }
}
