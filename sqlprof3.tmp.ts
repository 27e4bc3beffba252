import { DatabaseSync } from "node:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY, request_id TEXT NOT NULL, model_hash TEXT NOT NULL,
  input_digest TEXT NOT NULL, output_digest TEXT NOT NULL, timestamp INTEGER NOT NULL,
  signature TEXT NOT NULL, model_name TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS request_data (
  seq INTEGER PRIMARY KEY, segment INTEGER NOT NULL, offset INTEGER NOT NULL, inputs_len INTEGER NOT NULL,
  outputs_len INTEGER NOT NULL, created_ms INTEGER NOT NULL, data_inline BLOB);
CREATE INDEX IF NOT EXISTS request_data_created ON request_data(created_ms);
CREATE INDEX IF NOT EXISTS receipts_request_id_prefix ON receipts(substr(request_id, 3, 16));`;
const hex = (n: number) => "0x" + randomBytes(n).toString("hex");
function run(G: number, groups: number, variant: string, prefill: number) {
  const dir = mkdtempSync(join(tmpdir(), "vt-sql-"));
  const db = new DatabaseSync(join(dir, "r.sqlite"));
  db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;`); db.exec(SCHEMA);
  if (variant.startsWith("ckpt")) db.exec(`PRAGMA wal_autocheckpoint=${variant.slice(4)}`);
  if (variant === "cache") db.exec(`PRAGMA cache_size=-16000`);
  const ins = db.prepare("INSERT INTO receipts (seq, request_id, model_hash, input_digest, output_digest, timestamp, signature, model_name, created_ms) VALUES (?,?,?,?,?,?,?,?,?)");
  const insData = db.prepare("INSERT INTO request_data (seq, segment, offset, inputs_len, outputs_len, created_ms, data_inline) VALUES (?,?,?,?,?,?,?)");
  const mh = hex(32), blob = new Uint8Array(200);
  let seq = 1;
  const rows = () => Array.from({ length: G }, () => ({ seq: seq++, requestId: hex(32), modelHash: mh, inputDigest: hex(32), outputDigest: hex(32), timestamp: 1700000000, signature: hex(65), modelName: "mlp", data: { segment: -1, offset: 0, inputsLen: 100, outputsLen: 100, inline: blob } }));
  const pre = Array.from({ length: groups + prefill }, rows);
  let cpu = 0;
  for (let g = 0; g < pre.length; g++) {
    const c0 = process.cpuUsage();
    const group = pre[g];
    const now = Date.now();
    db.exec("BEGIN IMMEDIATE");
    for (const r of group) {
      ins.run(r.seq, r.requestId, r.modelHash, r.inputDigest, r.outputDigest, r.timestamp, r.signature, r.modelName, now);
      insData.run(r.seq, r.data.segment, r.data.offset, r.data.inputsLen, r.data.outputsLen, now, r.data.inline);
    }
    db.exec("COMMIT");
    const c = process.cpuUsage(c0);
    if (g >= prefill) cpu += c.user + c.system;
  }
  db.close(); rmSync(dir, { recursive: true, force: true });
  return cpu / (groups * G);
}
const res: Record<string, number[]> = {};
for (let r = 0; r < 5; r++) for (const v of process.argv[2].split(",")) (res[v] ??= []).push(Number(run(16, 250, v, 190).toFixed(1)));
for (const [k, v] of Object.entries(res)) console.log(k, [...v].sort((a, b) => a - b)[2], JSON.stringify(v));
