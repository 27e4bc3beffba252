// A fixed-size ring of recent samples with percentile queries (for /v2/stats wait times).

/**
 * Keeps the last `capacity` samples and answers percentiles over them.
 *
 * @example
 * const r = new RollingPercentiles(1024); r.add(3.2); r.percentile(0.99);
 */
export class RollingPercentiles {
  private readonly buf: Float64Array;
  private n = 0;
  private i = 0;

  constructor(capacity = 2048) {
    this.buf = new Float64Array(capacity);
  }

  /** Records one sample. */
  add(v: number): void {
    this.buf[this.i] = v;
    this.i = (this.i + 1) % this.buf.length;
    if (this.n < this.buf.length) this.n++;
  }

  /** Samples held. */
  get count(): number {
    return this.n;
  }

  /** The q-quantile (0..1) of the held samples by nearest rank; 0 when empty. */
  percentile(q: number): number {
    if (this.n === 0) return 0;
    const sorted = Array.from(this.buf.subarray(0, this.n)).sort((a, b) => a - b);
    return sorted[Math.min(this.n - 1, Math.max(0, Math.ceil(q * this.n) - 1))];
  }
}
