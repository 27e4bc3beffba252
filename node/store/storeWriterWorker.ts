// Worker-thread entry: commits groups of receipts to SQLite, fsync included, off the event loop. One
// transaction per group: the group commit of the receipt store. Retained data was already appended to
// its segment files by the main thread (no copy across threads); the writer fdatasyncs those files
// before committing the rows that point into them.
import { parentPort, workerData } from "node:worker_threads";
import { closeSync, fdatasyncSync, openSync } from "node:fs";
import { join } from "node:path";
import type { WriteGroup, WriteResult, WriterInit } from "./StoreWriterMessages.js";

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

parentPort!.on("message", (group: WriteGroup) => {
  const now = Date.now();
  let result: WriteResult;
  try {
    if (init.synchronous !== "normal") {
      for (const seg of new Set(group.rows.filter((r) => r.data && !r.data.inline).map((r) => r.data!.segment))) syncSegment(seg);
    }
    db.exec("BEGIN IMMEDIATE");
    for (const r of group.rows) {
      ins.run(r.seq, r.requestId, r.modelHash, r.inputDigest, r.outputDigest, r.timestamp, r.signature, r.modelName, now);
      if (r.data) insData.run(r.seq, r.data.segment, r.data.offset, r.data.inputsLen, r.data.outputsLen, now, r.data.inline ?? null);
    }
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
