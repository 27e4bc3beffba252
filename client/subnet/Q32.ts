// Unsigned Q32.32 fixed-point helpers shared by the epoch reference (same rules as contracts/libraries/YumaMath.sol).

/**
 * Q32.32 arithmetic on bigint raw values (value = raw / 2^32): floored products, truncated quotients,
 * normalisation by the plain sum, `floor(x * 65535)` quantisation. Bit-identical to subtensor's I32F32 on
 * non-negative values and to the Subnet contract.
 * @example
 * Q32.mul(Q32.ONE / 2n, Q32.ONE / 2n) === Q32.ONE / 4n
 */
export const Q32 = {
  /** 1.0 */
  ONE: 1n << 32n,
  /** Floored product. */
  mul(a: bigint, b: bigint): bigint {
    return (a * b) >> 32n;
  },
  /** Truncated quotient (b > 0). */
  div(a: bigint, b: bigint): bigint {
    return (a << 32n) / b;
  },
  /** floor(x * 65535), saturated. */
  toU16(x: bigint): number {
    const r = (x * 65535n) >> 32n;
    return Number(r > 65535n ? 65535n : r);
  },
  /** EMA alpha from a bonds moving average in ppm: 1 - floor(bma * 2^32 / 1e6) / 2^32. */
  emaAlpha(bmaPpm: bigint): bigint {
    return (1n << 32n) - (bmaPpm << 32n) / 1_000_000n;
  },
  /** floor(s_i * 2^32 / sum); all zero for a zero sum. */
  proportions(raw: bigint[]): bigint[] {
    const sum = raw.reduce((a, b) => a + b, 0n);
    return raw.map((s) => (sum === 0n ? 0n : (s << 32n) / sum));
  },
  /** Normalises Q32.32 values in place (x << 32) / sum when the sum is non-zero; returns the sum before. */
  normalize(x: bigint[]): bigint {
    const sum = x.reduce((a, b) => a + b, 0n);
    if (sum !== 0n) for (let i = 0; i < x.length; i++) x[i] = (x[i] << 32n) / sum;
    return sum;
  },
  /** Q32.32 raw value to a JS number (for display). */
  toNumber(x: bigint): number {
    return Number(x) / 2 ** 32;
  },
} as const;
