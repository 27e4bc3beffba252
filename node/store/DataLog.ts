// Append-only segment files holding retained request data (cheaper than SQLite blobs: one writev per request, no double write).
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readSync, readdirSync, unlinkSync, writevSync, fstatSync } from "node:fs";
import { join } from "node:path";

/** Where one record lives. */
export interface DataLocation {
  segment: number;
  offset: number;
  length: number;
}

/**
 * Time-bucketed append-only files `<dir>/<bucketStartMs>.seg`. Records are written with one writev;
 * retention drops whole segments. The receipt store keeps each record's location next to its receipt.
 *
 * @example
 * const log = new DataLog(".veritensor/node/x.data", 3_600_000);
 * const loc = log.append([header, bytes]); log.sync(); log.read(loc);
 */
export class DataLog {
  private fd?: number;
  private segment = -1;
  private size = 0;

  /**
   * @param dir folder of the segment files (created if missing)
   * @param segmentMs time span of one segment file
   */
  constructor(private readonly dir: string, private readonly segmentMs: number) {
    mkdirSync(dir, { recursive: true });
  }

  /** Appends the concatenation of `parts`; returns where it went. */
  append(parts: Uint8Array[], now = Date.now()): DataLocation {
    const seg = Math.floor(now / this.segmentMs) * this.segmentMs;
    if (seg !== this.segment || this.fd === undefined) {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = openSync(join(this.dir, `${seg}.seg`), "a");
      this.segment = seg;
      this.size = fstatSync(this.fd).size;
    }
    const length = parts.reduce((s, p) => s + p.byteLength, 0);
    let written = 0;
    while (written < length) {
      // writev may write less than asked; continue with what is left
      let skip = written;
      const rest: Uint8Array[] = [];
      for (const p of parts) {
        if (skip >= p.byteLength) {
          skip -= p.byteLength;
          continue;
        }
        rest.push(skip > 0 ? p.subarray(skip) : p);
        skip = 0;
      }
      written += writevSync(this.fd, rest);
    }
    const loc = { segment: seg, offset: this.size, length };
    this.size += length;
    return loc;
  }

  /** Flushes appended bytes to disk (fdatasync). */
  sync(): void {
    if (this.fd !== undefined) fdatasyncSync(this.fd);
  }

  /** Reads a record back, or undefined if its segment was pruned. */
  read(loc: DataLocation): Uint8Array | undefined {
    const path = join(this.dir, `${loc.segment}.seg`);
    if (!existsSync(path)) return undefined;
    const fd = openSync(path, "r");
    try {
      const buf = Buffer.allocUnsafe(loc.length);
      let got = 0;
      while (got < loc.length) {
        const n = readSync(fd, buf, got, loc.length - got, loc.offset + got);
        if (n === 0) return undefined;
        got += n;
      }
      return buf;
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes segments whose whole time span ended before `cutoffMs`. */
  prune(cutoffMs: number): void {
    for (const f of readdirSync(this.dir)) {
      const m = /^(\d+)\.seg$/.exec(f);
      if (!m) continue;
      const start = Number(m[1]);
      if (start + this.segmentMs <= cutoffMs && start !== this.segment) unlinkSync(join(this.dir, f));
    }
  }

  /** Closes the open segment. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
