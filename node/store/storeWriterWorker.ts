// Worker-thread entry: commits groups of receipts (and their retained data) to SQLite, fsync included,
// off the event loop. One transaction per group: the group commit of the receipt store.
import { parentPort, workerData } from "node:worker_threads";
import { DatabaseSync } from "node:sqlite";
import { DataLog } from "./DataLog.js";
import type { WriteGroup, WriteResult, WriterInit } from "./StoreWriterMessages.js";

const init = workerData as WriterInit;
const db = new DatabaseSync(init.path);
db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${init.synchronous === "normal" ? "NORMAL" : "FULL"}; PRAGMA busy_timeout=10000;`);
const ins = db.prepare(
  "INSERT INTO receipts (seq, request_id, model_hash, input_digest, output_digest, timestamp, signature, model_name, created_ms) VALUES (?,?,?,?,?,?,?,?,?)",
);
const insData = db.prepare("INSERT INTO request_data (seq, segment, offset, inputs_len, outputs_len, created_ms) VALUES (?,?,?,?,?,?)");
const dataLog = new DataLog(`${init.path}.data`, init.segmentMs);

parentPort!.on("message", (group: WriteGroup) => {
  const now = Date.now();
  let result: WriteResult;
  try {
    db.exec("BEGIN IMMEDIATE");
    for (const r of group.rows) {
      ins.run(r.seq, r.requestId, r.modelHash, r.inputDigest, r.outputDigest, r.timestamp, r.signature, r.modelName, now);
      if (r.data) {
        const loc = dataLog.append(r.data.parts, now);
        insData.run(r.seq, loc.segment, loc.offset, r.data.inputsLen, loc.length - r.data.inputsLen, now);
      }
    }
    if (init.synchronous !== "normal") dataLog.sync();
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
