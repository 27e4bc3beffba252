// Settings of the batch committer.

/** How receipts are cut into batches and committed. */
export interface CommitterOptions {
  /** Most receipts in one batch (default 1024). */
  maxBatchSize: number;
  /** A batch is cut once its oldest receipt is this old, even if not full (default 2000 ms). */
  maxBatchAgeMs: number;
  /** Pause between checks when idle (default 250 ms). */
  pollMs: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs (default 500 ms). */
  backoffMs: number;
  /** Longest retry delay (default 15000 ms). */
  maxBackoffMs: number;
  /** How long to wait for a commit transaction to be mined before re-checking (default 60000 ms). */
  txTimeoutMs: number;
}
