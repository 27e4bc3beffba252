// Converts the Subnet's unsigned Q32.32 fixed-point values to numbers.

/**
 * raw / 2^32 as a number (exact enough for display and ranking).
 *
 * @example
 * q32(2n ** 31n) // 0.5
 */
export function q32(raw: bigint | number | string): number {
  return Number(BigInt(raw)) / 2 ** 32;
}
