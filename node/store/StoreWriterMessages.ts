// Messages between ReceiptStore (main thread) and its writer worker.

/** One receipt row (and its retained data) to write. */
export interface WriteRow {
  seq: number;
  requestId: string;
  modelHash: string;
  inputDigest: string;
  outputDigest: string;
  timestamp: number;
  signature: string;
  modelName: string;
  /**
   * The retained data: where the main thread appended it (segment file, offset, lengths; the writer fsyncs
   * the file before committing), or for a small record the bytes themselves (`inline`, stored in the row:
   * durable with the same WAL commit, no extra file fsync).
   */
  data?: { segment: number; offset: number; inputsLen: number; outputsLen: number; inline?: Uint8Array };
}

/** Start parameters of the writer (its workerData). */
export interface WriterInit {
  path: string;
  synchronous: "full" | "normal";
  segmentMs: number;
}

/** A group to commit in one transaction. */
export interface WriteGroup {
  id: number;
  rows: WriteRow[];
}

/** The writer's answer for a group. */
export type WriteResult = { id: number; ok: true } | { id: number; ok: false; message: string };
