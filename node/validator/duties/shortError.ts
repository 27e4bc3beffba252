// One-line description of a failed contract call or request, for logs.

/**
 * The custom error's name and arguments when ethers decoded a revert, else the short message.
 *
 * @example
 * log.debug("not yet", { error: shortError(e) }); // "ChallengesSeedNotReady(3, 120)"
 */
export function shortError(e: unknown): string {
  const err = e as { shortMessage?: string; message?: string; revert?: { name?: string; args?: unknown[] } };
  if (err.revert?.name) return `${err.revert.name}(${(err.revert.args ?? []).join(", ")})`;
  return err.shortMessage ?? err.message ?? String(e);
}
