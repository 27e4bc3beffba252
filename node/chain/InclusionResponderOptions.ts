// Settings of the inclusion challenge responder.

/** How often the responder looks and how it retries. */
export interface InclusionResponderOptions {
  /** Pause between looks at `pendingInclusionChallenges` (default 1000 ms). */
  pollMs: number;
  /** First retry delay of a failed answer; doubles up to maxBackoffMs (default 500 ms). */
  backoffMs: number;
  /** Longest retry delay (default 15000 ms). */
  maxBackoffMs: number;
  /** How long to wait for an answer transaction to be mined (default 60000 ms). */
  txTimeoutMs: number;
}
