// Converts a JS number to IEEE 754 half-precision bits, rounding to nearest even.

/**
 * The IEEE 754 binary16 bit pattern nearest to `value` (round half to even, computed from the
 * double directly so there is no double rounding). Magnitudes of 65520 and more become ±Infinity,
 * tiny values become subnormals or ±0, NaN becomes 0x7e00 (the canonical quiet NaN).
 *
 * @example
 * numberToFp16(1) // 0x3c00
 */
export function numberToFp16(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal; 1024 is the smallest normal, also right
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024); // exact: power-of-two scaling of a double
  if (m === 1024) {
    m = 0;
    e++;
  }
  return sign | ((e + 15) << 10) | m;
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
