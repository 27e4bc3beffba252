// Converts a decimal fraction (e.g. 0.99999) to its exact WAD (1e18 = 1.0) fixed-point bigint.
import { InvalidPolicyError } from "./InvalidPolicyError.js";

/**
 * The WAD (1e18 = 1.0) of `value`, taken from its shortest 15-significant-digit decimal form so that
 * 0.99999 becomes exactly 999990000000000000n (no binary floating-point residue). Rounds below 1 wei.
 * Throws {@link InvalidPolicyError} for negative or non-finite values.
 *
 * @example
 * wadFromNumber(0.99999); // 999990000000000000n
 */
export function wadFromNumber(value: number): bigint {
  if (!Number.isFinite(value) || value < 0) throw new InvalidPolicyError(`cannot express ${value} as a WAD`);
  if (value === 0) return 0n;
  const [mantissa, exp] = value.toExponential(14).split("e");
  const digits = BigInt(mantissa.replace(".", "").replace(/0+$/, "") || "0");
  const scale = Number(exp) + 18 - (mantissa.replace(".", "").replace(/0+$/, "").length - 1);
  if (scale >= 0) return digits * 10n ** BigInt(scale);
  const div = 10n ** BigInt(-scale);
  return (digits + div / 2n) / div;
}
