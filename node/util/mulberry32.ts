// A tiny seeded pseudo-random generator for reproducible cheat decisions, test inputs and benchmark weights.

/**
 * Returns a generator of floats in [0, 1) from a 32-bit seed (mulberry32). Not for cryptography.
 *
 * @example
 * const rnd = mulberry32(7); rnd(); // 0.6223...
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
