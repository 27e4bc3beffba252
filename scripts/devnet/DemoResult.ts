// What the devnet demo verified, one boolean per step (printed as the last line of `npm start -- --exit`).

/** Outcome of each demo step. */
export interface DemoResult {
  /** An inference returned outputs with a receipt. */
  inference: boolean;
  /** The receipt's signature, model hash, input and output digests checked out. */
  receiptVerified: boolean;
  /** The batch root is on-chain and the receipt's Merkle proof verified against it (off- and on-chain). */
  rootCommitted: boolean;
  /** An epoch with revealed weights was finalised and emitted tokens. */
  epochFinalized: boolean;
  /** A delegator claimed a positive reward. */
  rewardsClaimed: boolean;
  /** The cheating node was detected, challenged and slashed. */
  cheaterSlashed: boolean;
}
