// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title YumaMath
/// @notice Unsigned Q32.32 fixed-point helpers for the Yuma epoch, bit-compatible with subtensor's I32F32 on
/// non-negative values.
/// @dev Fixed-point format: a value x is held as the integer `raw = x * 2^32` (uint256 in memory, at most 33 bits
/// for the proportions used here, so 1.0 = 2^32 fits). Products are floored: `mul(a,b) = (a*b) >> 32`. Quotients
/// truncate: `div(a,b) = (a << 32) / b`. Normalising a vector divides each entry by the plain sum of the entries.
/// Converting a proportion to u16 is `floor(x * 65535)`. These are exactly subtensor's rules (substrate-fixed) for
/// values >= 0, which is all the epoch ever holds; negative intermediates only appear in the weighted median's
/// `minority` (sum - kappa), handled there with int256.
library YumaMath {
    /// @notice 1.0 in Q32.32.
    uint256 internal constant ONE = 1 << 32;

    /// @notice Floored Q32.32 product.
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        return (a * b) >> 32;
    }

    /// @notice Truncated Q32.32 quotient; callers guarantee `b > 0`.
    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        return (a << 32) / b;
    }

    /// @notice `floor(x * 65535)` saturated to 65535 (subtensor `fixed_proportion_to_u16`).
    function toU16(uint256 x) internal pure returns (uint256 r) {
        r = (x * 65535) >> 32;
        if (r > 65535) r = 65535;
    }

    /// @notice EMA coefficient `1 - floor(bma * 2^32 / 1e6) / 2^32` for a bonds moving average in parts per million
    /// (900000 gives alpha ~= 0.1), as subtensor derives it via I64F64.
    function emaAlpha(uint256 bmaPpm) internal pure returns (uint256) {
        return ONE - (bmaPpm << 32) / 1_000_000;
    }

    /// @notice Stake proportions `floor(s_i * 2^32 / sum)` (subtensor normalises stake in I64F64 then truncates to
    /// I32F32, which is the same integer). All zero when the sum is zero.
    function proportions(uint256[] memory raw) internal pure returns (uint256[] memory out) {
        out = new uint256[](raw.length);
        uint256 sum;
        for (uint256 i; i < raw.length; ++i) sum += raw[i];
        if (sum == 0) return out;
        for (uint256 i; i < raw.length; ++i) out[i] = (raw[i] << 32) / sum;
    }

    /// @notice In-place normalisation of Q32.32 values: `x_i = div(x_i, sum)` when the sum is non-zero.
    /// @return sum the sum before normalising.
    function normalize(uint256[] memory x) internal pure returns (uint256 sum) {
        for (uint256 i; i < x.length; ++i) sum += x[i];
        if (sum == 0) return 0;
        for (uint256 i; i < x.length; ++i) x[i] = (x[i] << 32) / sum;
    }

    /// @notice Stake-weighted median of `n` entries packed as `score << 64 | stake` (subtensor `weighted_median`):
    /// the smallest score whose inclusive cumulative stake exceeds `minority`, or the largest score when none does;
    /// 0 when n is 0. `total` is the sum of the stakes.
    /// @dev Bucketed selection, then quickselect: a 64-bucket stake histogram over [min, max] finds the bucket that
    /// holds the answer, and a three-way quickselect on that bucket's entries (minority reduced by the stake below
    /// the bucket) picks it. Every comparison is on exact integers, so the result is the one the definition gives
    /// (and subtensor's quickselect gives), whatever the bucketing. Reorders `packed`; uses memory past the free
    /// memory pointer as scratch. Scores and stakes are at most 2^34; sums of at most 2^10 of them cannot overflow.
    function weightedMedian(uint256[] memory packed, uint256 n, int256 minority, uint256 total)
        internal
        pure
        returns (uint256 med)
    {
        assembly ("memory-safe") {
            // Three-way quickselect on packed words in [l, r) (byte pointers); partLo/partHi are the stake below /
            // up to the partition.
            function qs(l, r, minor, partHi) -> m {
                let partLo := 0
                let M := 0xffffffffffffffff
                for {} gt(r, l) {} {
                    if eq(sub(r, l), 0x20) {
                        m := shr(64, mload(l))
                        break
                    }
                    let pivot := shr(64, mload(add(l, shl(5, shr(6, sub(r, l))))))
                    let pLo := shl(64, pivot)
                    let pHi := shl(64, add(pivot, 1))
                    let lo := l
                    let i := l
                    let hi := r
                    let loSt := 0
                    let hiSt := 0
                    for {} lt(i, hi) {} {
                        let w := mload(i)
                        if lt(w, pLo) {
                            loSt := add(loSt, and(w, M))
                            mstore(i, mload(lo))
                            mstore(lo, w)
                            lo := add(lo, 0x20)
                            i := add(i, 0x20)
                            continue
                        }
                        if iszero(lt(w, pHi)) {
                            hi := sub(hi, 0x20)
                            hiSt := add(hiSt, and(w, M))
                            mstore(i, mload(hi))
                            mstore(hi, w)
                            continue
                        }
                        i := add(i, 0x20)
                    }
                    if and(slt(minor, add(partLo, loSt)), gt(lo, l)) {
                        partHi := add(partLo, loSt)
                        r := lo
                        continue
                    }
                    if and(iszero(sgt(sub(partHi, hiSt), minor)), lt(hi, r)) {
                        partLo := sub(partHi, hiSt)
                        l := hi
                        continue
                    }
                    m := pivot
                    break
                }
            }
            let base := add(packed, 0x20)
            let end := add(base, shl(5, n))
            switch lt(n, 24)
            case 1 { med := qs(base, end, minority, total) }
            default {
                // min and max score
                let mn := not(0)
                let mx := 0
                for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                    let sc := shr(64, mload(p))
                    mn := xor(mn, mul(xor(mn, sc), lt(sc, mn)))
                    mx := xor(mx, mul(xor(mx, sc), gt(sc, mx)))
                }
                switch or(or(slt(minority, 0), iszero(lt(minority, total))), eq(mn, mx))
                case 1 {
                    // No cumulative stake exceeds a minority >= total: the largest score; a negative minority is
                    // exceeded at once: the smallest; all equal: that score.
                    med := mn
                    if iszero(slt(minority, 0)) { if iszero(lt(minority, total)) { med := mx } }
                }
                default {
                    // Stake histogram: bucket b = (score - min) * 64 / (max - min + 1).
                    let hist := mload(0x40)
                    calldatacopy(hist, calldatasize(), 0x800) // 64 zero words
                    let width := add(sub(mx, mn), 1)
                    for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                        let w := mload(p)
                        let hp := add(hist, shl(5, div(mul(sub(shr(64, w), mn), 64), width)))
                        mstore(hp, add(mload(hp), and(w, 0xffffffffffffffff)))
                    }
                    // First bucket whose inclusive cumulative stake exceeds the minority.
                    let below := 0
                    let b := 0
                    for {} 1 { b := add(b, 1) } {
                        let h := mload(add(hist, shl(5, b)))
                        if sgt(add(below, h), minority) { break }
                        below := add(below, h)
                    }
                    // Move that bucket's entries to the front and select among them.
                    let q := base
                    let bucketSt := 0
                    for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                        let w := mload(p)
                        if eq(div(mul(sub(shr(64, w), mn), 64), width), b) {
                            mstore(p, mload(q))
                            mstore(q, w)
                            q := add(q, 0x20)
                            bucketSt := add(bucketSt, and(w, 0xffffffffffffffff))
                        }
                    }
                    med := qs(base, q, sub(minority, below), bucketSt)
                }
            }
        }
    }
}
