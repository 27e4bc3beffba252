// The node's durable receipt log on node:sqlite (WAL): seq allocation, group commit, batches, retained data.
import { DatabaseSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { getAddress } from "ethers";
import type { Hex } from "../../client/index.js";
import type { StoredReceipt } from "./StoredReceipt.js";
import type { StoredBatch, BatchStatus } from "./StoredBatch.js";
import { DataLog } from "./DataLog.js";
import { NUM_FIELDS, N_INPUTS_LEN, N_OFFSET, N_OUTPUTS_LEN, N_SEGMENT, N_SEQ, N_TIMESTAMP, type WriteGroup, type WriteResult, type WriterInit } from "./StoreWriterMessages.js";
import { tsWorkerExecArgv } from "../util/tsWorkerExecArgv.js";

/** Options of ReceiptStore.open. */
export interface ReceiptStoreOptions {
  /** The signing key's address; a store written by another key is refused (seq is per node). */
  node: Hex;
  /** `full` fsyncs every group commit (survives power loss); `normal` survives process crashes (default `full`). */
  synchronous?: "full" | "normal";
  /** Span of one retained-data segment file in ms (default 1 h); retention drops whole segments. */
  dataSegmentMs?: number;
}

/** A receipt with its retained request data, as handed to append. */
export interface AppendRecord {
  receipt: StoredReceipt;
  /** Packed inputs and outputs (parts from packTensors), or undefined to keep none. */
  data?: { inputs: Uint8Array[]; outputs: Uint8Array[] };
}

interface Waiter {
  rec: AppendRecord;
  resolve: () => void;
  reject: (e: Error) => void;
}

type Row = Record<string, unknown>;

// request_id is looked up through an index on its first 8 bytes (16 hex digits): requestIds are sha256 outputs, so the
// prefix is as selective as the whole id while the index entries are a quarter of the size, which makes the per-receipt
// insert (a random position in the index) much cheaper. requestIds are unique by construction (they hash the node's
// address and the seq, the primary key). Stores created before this layout keep their UNIQUE(request_id) index.
const PREFIX_INDEX = "CREATE INDEX IF NOT EXISTS receipts_request_id_prefix ON receipts(substr(request_id, 3, 16))";

/** Retained records up to this size (inputs + outputs, packed) live in their SQLite row instead of a segment file. */
const INLINE_MAX_BYTES = 2048;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY, request_id TEXT NOT NULL, model_hash TEXT NOT NULL,
  input_digest TEXT NOT NULL, output_digest TEXT NOT NULL, timestamp INTEGER NOT NULL,
  signature TEXT NOT NULL, model_name TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS request_data (
  seq INTEGER PRIMARY KEY, segment INTEGER NOT NULL, offset INTEGER NOT NULL, inputs_len INTEGER NOT NULL,
  outputs_len INTEGER NOT NULL, created_ms INTEGER NOT NULL, data_inline BLOB);
CREATE INDEX IF NOT EXISTS request_data_created ON request_data(created_ms);
CREATE TABLE IF NOT EXISTS batches (
  first_seq INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL UNIQUE, root TEXT NOT NULL, status TEXT NOT NULL,
  batch_index INTEGER, tx_hash TEXT, created_ms INTEGER NOT NULL, committed_ms INTEGER);
`;

/**
 * Durable, gap-free receipt log. Seqs are handed out by `reserveSeq` and rows written by `append`,
 * which groups every append of one event-loop turn into a single transaction (group commit) and
 * resolves once it is on disk: answer a request only after its append resolved.
 *
 * @example
 * const store = await ReceiptStore.open(".veritensor/node.sqlite", { node: signer.address });
 * const seq = store.reserveSeq();
 * await store.append({ receipt: { ...signed, seq, modelName: "mlp" } });
 */
export class ReceiptStore {
  private next: bigint;
  private queue: Waiter[] = [];
  private scheduled = false;
  private inFlight?: Waiter[];
  private groupId = 0;
  private failure?: Error;
  private drained?: () => void;
  /** The node's address, checksummed. */
  readonly node: Hex;

  private constructor(
    private readonly db: DatabaseSync,
    node: Hex,
    private readonly dataLog: DataLog,
    private readonly writer: Worker,
    /** A store from before the prefix index: request_id has a UNIQUE index of its own. */
    private readonly legacyRequestIdIndex: boolean,
  ) {
    this.node = getAddress(node) as Hex;
    const row = db.prepare("SELECT MAX(seq) AS m FROM receipts").get() as Row;
    this.next = row.m == null ? 1n : BigInt(row.m as number) + 1n;
    writer.on("message", (r: WriteResult) => this.settle(r));
    writer.on("error", (err) => this.fail(err));
  }

  /**
   * Opens (creating if needed) the store at `path`; retained data goes to the segment folder
   * `<path>.data/`. Writes happen in a worker thread (group commit with fsync off the event loop).
   */
  static async open(path: string, options: ReceiptStoreOptions): Promise<ReceiptStore> {
    mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${options.synchronous === "normal" ? "NORMAL" : "FULL"}; PRAGMA busy_timeout=10000;`);
    db.exec(SCHEMA);
    const cols = db.prepare("PRAGMA table_info(request_data)").all() as Row[];
    if (!cols.some((c) => c.name === "data_inline")) db.exec("ALTER TABLE request_data ADD COLUMN data_inline BLOB");
    const legacy = db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'index' AND tbl_name = 'receipts' AND name LIKE 'sqlite_autoindex_receipts%'").get() !== undefined;
    if (!legacy) db.exec(PREFIX_INDEX);
    const node = options.node.toLowerCase() as Hex;
    const owner = db.prepare("SELECT value FROM meta WHERE key='node'").get() as Row | undefined;
    if (!owner) db.prepare("INSERT INTO meta (key, value) VALUES ('node', ?)").run(node);
    else if (owner.value !== node) {
      db.close();
      throw new Error(`receipt store ${path} belongs to node ${owner.value}, not ${node}: use another store path for another signing key`);
    }
    const segmentMs = options.dataSegmentMs ?? 3_600_000;
    const init: WriterInit = { path, synchronous: options.synchronous ?? "full", segmentMs };
    const writer = new Worker(new URL("./storeWriterWorker.ts", import.meta.url), { workerData: init, execArgv: tsWorkerExecArgv() });
    await new Promise<void>((resolve, reject) => {
      writer.once("online", () => resolve());
      writer.once("error", reject);
    });
    return new ReceiptStore(db, node, new DataLog(`${path}.data`, segmentMs), writer, legacy);
  }

  /** The write error that stopped the store, if any (the node then answers 500 and reports not ready). */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Seq the next receipt gets (1 for a new store). */
  get nextSeq(): bigint {
    return this.next;
  }

  /** Highest seq durably written (0 when none). */
  durableLastSeq(): bigint {
    const row = this.db.prepare("SELECT MAX(seq) AS m FROM receipts").get() as Row;
    return row.m == null ? 0n : BigInt(row.m as number);
  }

  /** Number of receipts stored. */
  count(): number {
    return Number((this.db.prepare("SELECT COUNT(*) AS n FROM receipts").get() as Row).n);
  }

  /** Highest seq written or reserved (0 when none). */
  get lastSeq(): bigint {
    return this.next - 1n;
  }

  /** Takes the next seq. Call `append` (or `releaseSeq`) for it before yielding to the event loop. */
  reserveSeq(): bigint {
    if (this.failure) throw new Error(`receipt store failed, restart the node: ${this.failure.message}`);
    return this.next++;
  }

  /** Gives back the most recently reserved seq when its receipt will not be stored. */
  releaseSeq(seq: bigint): void {
    if (seq !== this.next - 1n) throw new Error(`can only release the last reserved seq ${this.next - 1n}, not ${seq}`);
    this.next = seq;
  }

  /** Queues a row for the next group commit; resolves once it is durable. */
  append(rec: AppendRecord): Promise<void> {
    if (this.failure) return Promise.reject(new Error(`receipt store failed, restart the node: ${this.failure.message}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ rec, resolve, reject });
      if (!this.scheduled && !this.inFlight) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Sends every queued row to the writer as one transaction (one group at a time). */
  private flush(): void {
    this.scheduled = false;
    if (this.inFlight || this.queue.length === 0) {
      if (!this.inFlight) this.drained?.();
      return;
    }
    const group = this.queue;
    this.queue = [];
    this.inFlight = group;
    let msg: WriteGroup;
    try {
      msg = this.toGroup(group);
    } catch (err) {
      return this.fail(err as Error, group);
    }
    this.writer.postMessage(msg, [msg.inline]);
  }

  /**
   * Builds the group message: small records' data goes inline into their rows (one copy into the group's
   * buffer, durable with the commit), the rest is appended to the data log in one write (page cache; the
   * writer fsyncs it before committing).
   */
  private toGroup(waiters: Waiter[]): WriteGroup {
    const n = waiters.length;
    const text: string[] = []; // filled in order: a packed array (a holey one is cloned as a sparse array, slower)
    const nums = new Float64Array(n * NUM_FIELDS);
    const parts: Uint8Array[] = [];
    let inlineBytes = 0;
    for (let i = 0; i < n; i++) {
      const { receipt: r, data } = waiters[i].rec;
      text.push(r.requestId.toLowerCase(), r.modelHash, r.inputDigest, r.outputDigest, r.signature, r.modelName);
      const k = i * NUM_FIELDS;
      nums[k + N_SEQ] = Number(r.seq);
      nums[k + N_TIMESTAMP] = Number(r.timestamp);
      if (!data) {
        nums[k + N_INPUTS_LEN] = -1;
        continue;
      }
      let inputsLen = 0;
      let outputsLen = 0;
      for (const p of data.inputs) inputsLen += p.byteLength;
      for (const p of data.outputs) outputsLen += p.byteLength;
      nums[k + N_INPUTS_LEN] = inputsLen;
      nums[k + N_OUTPUTS_LEN] = outputsLen;
      if (inputsLen + outputsLen <= INLINE_MAX_BYTES) {
        nums[k + N_SEGMENT] = -1;
        nums[k + N_OFFSET] = inlineBytes;
        inlineBytes += inputsLen + outputsLen;
      } else {
        nums[k + N_SEGMENT] = -2; // in the data log: set below, after the one write
        parts.push(...data.inputs, ...data.outputs);
      }
    }
    const inline = new Uint8Array(inlineBytes);
    const loc = parts.length > 0 ? this.dataLog.append(parts) : undefined;
    let offset = loc?.offset ?? 0;
    for (let i = 0; i < n; i++) {
      const k = i * NUM_FIELDS;
      if (nums[k + N_INPUTS_LEN] < 0) continue;
      const data = waiters[i].rec.data!;
      if (nums[k + N_SEGMENT] === -1) {
        let at = nums[k + N_OFFSET];
        for (const p of data.inputs) (inline.set(p, at), (at += p.byteLength));
        for (const p of data.outputs) (inline.set(p, at), (at += p.byteLength));
      } else {
        nums[k + N_SEGMENT] = loc!.segment;
        nums[k + N_OFFSET] = offset;
        offset += nums[k + N_INPUTS_LEN] + nums[k + N_OUTPUTS_LEN];
      }
    }
    return { id: ++this.groupId, count: n, text, nums, inline: inline.buffer };
  }

  private settle(r: WriteResult): void {
    const group = this.inFlight ?? [];
    this.inFlight = undefined;
    if (!r.ok) return this.fail(new Error(r.message), group);
    for (const w of group) w.resolve();
    this.flush();
  }

  /** A write failed: nothing after it may be stored (seqs would have a gap), so the store stops taking receipts. */
  private fail(err: Error, group: Waiter[] = this.inFlight ?? []): void {
    this.failure ??= err;
    this.inFlight = undefined;
    for (const w of [...group, ...this.queue.splice(0)]) w.reject(err);
    this.drained?.();
  }

  /** The receipt with this request id, if stored. */
  byRequestId(requestId: string): StoredReceipt | undefined {
    const id = requestId.toLowerCase();
    const row = (
      this.legacyRequestIdIndex
        ? this.db.prepare("SELECT * FROM receipts WHERE request_id = ?").get(id)
        : this.db.prepare("SELECT * FROM receipts WHERE substr(request_id, 3, 16) = ? AND request_id = ?").get(id.slice(2, 18), id)
    ) as Row | undefined;
    return row && this.toReceipt(row);
  }

  /** The receipt with this seq, if stored. */
  bySeq(seq: bigint): StoredReceipt | undefined {
    const row = this.db.prepare("SELECT * FROM receipts WHERE seq = ?").get(Number(seq)) as Row | undefined;
    return row && this.toReceipt(row);
  }

  /** Receipts `first..last` inclusive, in seq order. */
  range(first: bigint, last: bigint): StoredReceipt[] {
    const rows = this.db.prepare("SELECT * FROM receipts WHERE seq BETWEEN ? AND ? ORDER BY seq").all(Number(first), Number(last)) as Row[];
    return rows.map((r) => this.toReceipt(r));
  }

  /** Creation time (ms) of the receipt with this seq. */
  createdMs(seq: bigint): number | undefined {
    const row = this.db.prepare("SELECT created_ms FROM receipts WHERE seq = ?").get(Number(seq)) as Row | undefined;
    return row ? Number(row.created_ms) : undefined;
  }

  /** Retained inputs/outputs of a receipt, if still within the retention window. */
  data(seq: bigint): { inputs: Uint8Array; outputs: Uint8Array } | undefined {
    const row = this.db.prepare("SELECT * FROM request_data WHERE seq = ?").get(Number(seq)) as Row | undefined;
    if (!row) return undefined;
    const inLen = Number(row.inputs_len);
    if (row.data_inline != null) {
      const b = row.data_inline as Uint8Array;
      return { inputs: b.subarray(0, inLen), outputs: b.subarray(inLen) };
    }
    const bytes = this.dataLog.read({ segment: Number(row.segment), offset: Number(row.offset), length: inLen + Number(row.outputs_len) });
    return bytes && { inputs: bytes.subarray(0, inLen), outputs: bytes.subarray(inLen) };
  }

  /** Forgets retained data older than `cutoffMs` (index rows and whole expired segment files); returns rows dropped. */
  pruneData(cutoffMs: number): number {
    const n = Number(this.db.prepare("DELETE FROM request_data WHERE created_ms < ?").run(cutoffMs).changes);
    this.dataLog.prune(cutoffMs);
    return n;
  }

  /** Records a batch (status `sending`) before its transaction is sent. */
  insertBatch(b: { firstSeq: bigint; lastSeq: bigint; root: Hex }): void {
    this.db
      .prepare("INSERT INTO batches (first_seq, last_seq, root, status, created_ms) VALUES (?,?,?,?,?)")
      .run(Number(b.firstSeq), Number(b.lastSeq), b.root, "sending", Date.now());
  }

  /** Stores the hash of the transaction sent for a batch. */
  setBatchTx(firstSeq: bigint, txHash: Hex): void {
    this.db.prepare("UPDATE batches SET tx_hash = ? WHERE first_seq = ?").run(txHash, Number(firstSeq));
  }

  /** Marks a batch committed on-chain at `batchIndex`. */
  markCommitted(firstSeq: bigint, batchIndex: bigint, txHash: Hex | undefined): void {
    this.db
      .prepare("UPDATE batches SET status = 'committed', batch_index = ?, tx_hash = COALESCE(?, tx_hash), committed_ms = ? WHERE first_seq = ?")
      .run(Number(batchIndex), txHash ?? null, Date.now(), Number(firstSeq));
  }

  /** Removes a batch that never reached the chain (to re-cut it). */
  deleteBatch(firstSeq: bigint): void {
    this.db.prepare("DELETE FROM batches WHERE first_seq = ? AND status = 'sending'").run(Number(firstSeq));
  }

  /** All batches in seq order (optionally only those with `status`). */
  batches(status?: BatchStatus): StoredBatch[] {
    const rows = (
      status
        ? this.db.prepare("SELECT * FROM batches WHERE status = ? ORDER BY first_seq").all(status)
        : this.db.prepare("SELECT * FROM batches ORDER BY first_seq").all()
    ) as Row[];
    return rows.map(toBatch);
  }

  /** The batch whose range covers `seq`. */
  batchCovering(seq: bigint): StoredBatch | undefined {
    const row = this.db
      .prepare("SELECT * FROM batches WHERE first_seq <= ? AND last_seq >= ? ORDER BY first_seq DESC LIMIT 1")
      .get(Number(seq), Number(seq)) as Row | undefined;
    return row && toBatch(row);
  }

  /** Highest seq covered by a committed batch (0 when none). */
  committedThrough(): bigint {
    const row = this.db.prepare("SELECT MAX(last_seq) AS m FROM batches WHERE status = 'committed'").get() as Row;
    return row.m == null ? 0n : BigInt(row.m as number);
  }

  /** Highest seq covered by any batch (0 when none). */
  batchedThrough(): bigint {
    const row = this.db.prepare("SELECT MAX(last_seq) AS m FROM batches").get() as Row;
    return row.m == null ? 0n : BigInt(row.m as number);
  }

  /** Waits for queued appends to be written, then stops the writer and closes the database. */
  async close(): Promise<void> {
    if (!this.failure && (this.inFlight || this.queue.length > 0)) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        if (!this.inFlight) this.flush();
      });
    }
    await this.writer.terminate();
    this.db.close();
    this.dataLog.close();
  }

  private toReceipt(row: Row): StoredReceipt {
    return {
      seq: BigInt(row.seq as number),
      requestId: row.request_id as Hex,
      modelHash: row.model_hash as Hex,
      inputDigest: row.input_digest as Hex,
      outputDigest: row.output_digest as Hex,
      node: this.node,
      timestamp: BigInt(row.timestamp as number),
      signature: row.signature as Hex,
      modelName: row.model_name as string,
    };
  }
}

function toBatch(row: Row): StoredBatch {
  return {
    firstSeq: BigInt(row.first_seq as number),
    lastSeq: BigInt(row.last_seq as number),
    root: row.root as Hex,
    status: row.status as BatchStatus,
    batchIndex: row.batch_index == null ? undefined : BigInt(row.batch_index as number),
    txHash: (row.tx_hash as Hex | null) ?? undefined,
    createdMs: Number(row.created_ms),
    committedMs: row.committed_ms == null ? undefined : Number(row.committed_ms),
  };
}
