// Deterministic PRNG for the subnet tests (mulberry32): pinned seeds, reproducible sequences.
import { mulberry32 } from "../../node/util/mulberry32.js";

/**
 * A seeded PRNG with helpers for integers, picks and bigints.
 * @example
 * const r = prng(7); r.int(10); r.pick(["a", "b"]);
 */
export function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    /** Integer in [0, n). */
    int: (n: number) => Math.floor(next() * n),
    /** True with probability p. */
    chance: (p: number) => next() < p,
    pick<T>(a: T[]): T {
      return a[Math.floor(next() * a.length)];
    },
    /** bigint in [lo, hi]. */
    big(lo: bigint, hi: bigint): bigint {
      const span = hi - lo + 1n;
      const r = (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
      return lo + (r % span);
    },
  };
}
