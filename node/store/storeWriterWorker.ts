// Worker-thread entry: commits groups of receipts to SQLite, fsync included, off the event loop. One
// transaction per group: the group commit of the receipt store. Retained data was already appended to
// its segment files by the main thread (no copy across threads); the writer fdatasyncs those files
// before committing the rows that point into them.
import { parentPort, workerData } from "node:worker_threads";
import { closeSync, fdatasyncSync, openSync } from "node:fs";
import { join } from "node:path";
import { NUM_FIELDS, N_INPUTS_LEN, N_OFFSET, N_OUTPUTS_LEN, N_SEGMENT, N_SEQ, N_TIMESTAMP, TEXT_FIELDS, type WriteGroup, type WriteResult, type WriterInit } from "./StoreWriterMessages.js";

// node:sqlite warns once per thread that it is experimental; the main thread already said so.
const emitWarning = process.emitWarning;
process.emitWarning = ((w: string | Error, ...rest: never[]) => {
  if (!String(w).includes("SQLite")) emitWarning.call(process, w, ...rest);
}) as typeof process.emitWarning;
const { DatabaseSync } = await import("node:sqlite");

const init = workerData as WriterInit;
const db = new DatabaseSync(init.path);
db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${init.synchronous === "normal" ? "NORMAL" : "FULL"}; PRAGMA busy_timeout=10000;`);
const ins = db.prepare(
  "INSERT INTO receipts (seq, request_id, model_hash, input_digest, output_digest, timestamp, signature, model_name, created_ms) VALUES (?,?,?,?,?,?,?,?,?)",
);
const insData = db.prepare("INSERT INTO request_data (seq, segment, offset, inputs_len, outputs_len, created_ms, data_inline) VALUES (?,?,?,?,?,?,?)");
const dataDir = `${init.path}.data`;
let open: { segment: number; fd: number } | undefined;

/** fdatasync of one segment file (kept open while it is the current one). */
function syncSegment(segment: number): void {
  if (open?.segment !== segment) {
    if (open) closeSync(open.fd);
    open = { segment, fd: openSync(join(dataDir, `${segment}.seg`), "r") };
  }
  fdatasyncSync(open.fd);
}

/** Writes the group's rows (see WriteGroup for the layout) inside the open transaction. */
function insertRows(g: WriteGroup, now: number): void {
  const { text, nums } = g;
  for (let i = 0, t = 0, k = 0; i < g.count; i++, t += TEXT_FIELDS, k += NUM_FIELDS) {
    const seq = nums[k + N_SEQ];
    ins.run(seq, text[t], text[t + 1], text[t + 2], text[t + 3], nums[k + N_TIMESTAMP], text[t + 4], text[t + 5], now);
    const inputsLen = nums[k + N_INPUTS_LEN];
    if (inputsLen < 0) continue;
    const outputsLen = nums[k + N_OUTPUTS_LEN];
    const segment = nums[k + N_SEGMENT];
    if (segment === -1) insData.run(seq, -1, 0, inputsLen, outputsLen, now, new Uint8Array(g.inline, nums[k + N_OFFSET], inputsLen + outputsLen));
    else insData.run(seq, segment, nums[k + N_OFFSET], inputsLen, outputsLen, now, null);
  }
}

parentPort!.on("message", (group: WriteGroup) => {
  const now = Date.now();
  let result: WriteResult;
  try {
    if (init.synchronous !== "normal") {
      let last: number | undefined; // one data-log write per group: its rows share a segment
      for (let k = 0; k < group.count * NUM_FIELDS; k += NUM_FIELDS) {
        const seg = group.nums[k + N_SEGMENT];
        if (group.nums[k + N_INPUTS_LEN] >= 0 && seg !== -1 && seg !== last) syncSegment((last = seg));
      }
    }
    db.exec("BEGIN IMMEDIATE");
    insertRows(group, now);
    db.exec("COMMIT");
    result = { id: group.id, ok: true };
  } catch (err) {
    try {
      db.exec("ROLLBACK");
    } catch {
      /* no transaction open */
    }
    result = { id: group.id, ok: false, message: (err as Error).message };
  }
  parentPort!.postMessage(result);
});
