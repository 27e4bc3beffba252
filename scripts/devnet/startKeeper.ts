// The devnet keeper: finalises every epoch as soon as it is over (anyone may; the devnet does it so epochs never stall).
import type { VeritensorClient } from "../../client/sdk/VeritensorClient.js";

/**
 * Calls `finalizeEpochs` every `everyMs` (never two at once); returns a stop function.
 *
 * @example
 * const stopKeeper = startKeeper(keeperClient, 1000);
 */
export function startKeeper(client: VeritensorClient, everyMs: number, onError?: (e: unknown) => void): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await client.finalizeEpochs();
    } catch (e) {
      onError?.(e);
    } finally {
      busy = false;
    }
  }, everyMs);
  return () => clearInterval(timer);
}
