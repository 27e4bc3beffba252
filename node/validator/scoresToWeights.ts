// Turns per-node scores into the u16 weight vector a validator commits and reveals on the Subnet.

/**
 * Sorts by uid (the Subnet wants strictly increasing node ids), drops duplicates, and scales scores so the
 * best node gets 65535 (Bittensor's max-normalised u16 weights); scores <= 0 or non-finite become 0.
 * Returns empty arrays when there are no nodes.
 *
 * @example
 * scoresToWeights([{ uid: 2, score: 0.5 }, { uid: 0, score: 1 }]); // { uids: [0, 2], weights: [65535, 32768] }
 */
export function scoresToWeights(scored: readonly { uid: number; score: number }[]): { uids: number[]; weights: number[] } {
  const byUid = new Map<number, number>();
  for (const { uid, score } of scored) byUid.set(uid, Number.isFinite(score) && score > 0 ? score : 0);
  const uids = [...byUid.keys()].sort((a, b) => a - b);
  const max = Math.max(0, ...byUid.values());
  const weights = uids.map((u) => (max > 0 ? Math.round((byUid.get(u)! / max) * 65535) : 0));
  return { uids, weights };
}
