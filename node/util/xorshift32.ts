// The xorshift32 generator behind the bundled MLP's weights and the node tests' deterministic inputs.

/**
 * Returns a generator of the xorshift32 sequence (13, 17, 5) from `seed` (0 is taken as 1): each call gives the
 * next 32-bit state, an unsigned integer in [1, 2^32 - 1]. Deterministic, not for cryptography.
 *
 * @example
 * const next = xorshift32(1); next(); // 270369
 */
export function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}
