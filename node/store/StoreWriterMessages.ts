// Messages between ReceiptStore (main thread) and its writer worker.
//
// A group travels as flat columns (strings, one Float64Array of numbers, one transferred ArrayBuffer of
// inline data) rather than one object per row: structured clone writes every property name of every
// object and the reader interns them again, and a Buffer from Node's pool would drag its whole 8 KiB
// pool ArrayBuffer along. The flat form costs the two threads about a third of that.

/** Strings per row in `WriteGroup.text`: requestId, modelHash, inputDigest, outputDigest, signature, modelName. */
export const TEXT_FIELDS = 6;

/**
 * Numbers per row in `WriteGroup.nums`: seq, timestamp, then the retained data: inputsLen (-1: none
 * retained), outputsLen, and either the segment file and offset the main thread appended it at (the
 * writer fsyncs the file before committing), or segment -1 and the offset of the bytes in
 * `WriteGroup.inline` (a small record, stored in its row: durable with the same WAL commit).
 */
export const NUM_FIELDS = 6;
/** Offsets of the numbers within a row of `WriteGroup.nums`. */
export const N_SEQ = 0;
export const N_TIMESTAMP = 1;
export const N_INPUTS_LEN = 2;
export const N_OUTPUTS_LEN = 3;
export const N_SEGMENT = 4;
export const N_OFFSET = 5;

/** A group to commit in one transaction. */
export interface WriteGroup {
  id: number;
  /** Rows in the group. */
  count: number;
  /** TEXT_FIELDS strings per row. */
  text: string[];
  /** NUM_FIELDS numbers per row. */
  nums: Float64Array;
  /** Inline records' bytes, back to back (transferred with the message, not copied). */
  inline: ArrayBuffer;
}

/** Start parameters of the writer (its workerData). */
export interface WriterInit {
  path: string;
  synchronous: "full" | "normal";
  segmentMs: number;
}

/** The writer's answer for a group. */
export type WriteResult = { id: number; ok: true } | { id: number; ok: false; message: string };
