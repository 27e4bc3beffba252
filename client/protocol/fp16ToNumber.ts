// Converts raw IEEE 754 half-precision bits to a JS number (exact).

/**
 * The value of the IEEE 754 binary16 number with bit pattern `bits` (0..0xffff). Exact: every half
 * is a double. NaN patterns give NaN, 0x8000 gives -0.
 *
 * @example
 * fp16ToNumber(0x3c00) // 1
 */
export function fp16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}
