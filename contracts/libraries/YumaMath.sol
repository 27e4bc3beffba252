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

    /// @notice Buckets of the stake histogram of the weighted median.
    uint256 internal constant HIST_BUCKETS = 64;

    /// @notice Stake-weighted median of `n` entries packed as `score << 64 | stake` (subtensor `weighted_median`):
    /// the smallest score whose inclusive cumulative stake exceeds `minority`, or the largest score when none does;
    /// 0 when n is 0. `total` is the sum of the stakes.
    /// @dev Small inputs: three-way quickselect. Larger: a stake histogram over the top bits of the scores (see
    /// `histShift`), then `medianFromHistogram`. Every comparison is on exact integers, so the result is the one the
    /// definition gives (and subtensor's quickselect gives), whatever the bucketing. Reorders `packed`. Scores and
    /// stakes are at most 2^34; sums of at most 2^10 of them cannot overflow.
    function weightedMedian(uint256[] memory packed, uint256 n, int256 minority, uint256 total)
        internal
        pure
        returns (uint256 med)
    {
        uint256 base;
        assembly ("memory-safe") {
            base := add(packed, 0x20)
        }
        if (n < 24) return quickselect(base, base + (n << 5), minority, total);
        uint256 orv;
        uint256 hist;
        assembly ("memory-safe") {
            let end := add(base, shl(5, n))
            for { let p := base } lt(p, end) { p := add(p, 0x20) } { orv := or(orv, shr(64, mload(p))) }
            hist := mload(0x40)
            mstore(0x40, add(hist, 0x800))
        }
        uint256 shift = histShift(orv);
        assembly ("memory-safe") {
            calldatacopy(hist, calldatasize(), 0x800)
            let end := add(base, shl(5, n))
            for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                let w := mload(p)
                let b := shr(shift, shr(64, w))
                if gt(b, 63) { b := 63 }
                let hp := add(hist, shl(5, b))
                mstore(hp, add(mload(hp), and(w, 0xffffffffffffffff)))
            }
        }
        return medianFromHistogram(base, n, minority, total, hist, shift);
    }

    /// @notice Histogram shift for scores whose bitwise OR is `orv`: bucket(score) = min(63, score >> shift) spreads
    /// the scores over the 64 buckets. Any shift gives the exact median; a good one only makes it cheaper.
    function histShift(uint256 orv) internal pure returns (uint256 shift) {
        uint256 len;
        assembly ("memory-safe") {
            for {} orv { orv := shr(1, orv) } { len := add(len, 1) }
        }
        shift = len > 6 ? len - 6 : 0;
    }

    /// @notice The weighted median (as `weightedMedian`) of the `n` packed entries at byte pointer `base`, given the
    /// stake histogram `hist` (64 words at a memory pointer: bucket b holds the stake of the entries with
    /// min(63, score >> shift) == b). Reorders the entries.
    function medianFromHistogram(uint256 base, uint256 n, int256 minority, uint256 total, uint256 hist, uint256 shift)
        internal
        pure
        returns (uint256 med)
    {
        if (n == 0) return 0;
        uint256 end = base + (n << 5);
        uint256 q;
        int256 minor;
        uint256 bucketSt;
        bool found;
        assembly ("memory-safe") {
            switch or(slt(minority, 0), iszero(lt(minority, total)))
            case 1 {
                // A negative minority is exceeded at once: the smallest score; a minority >= total never is: the largest.
                let mn := not(0)
                let mx := 0
                for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                    let sc := shr(64, mload(p))
                    if lt(sc, mn) { mn := sc }
                    if gt(sc, mx) { mx := sc }
                }
                med := mx
                if slt(minority, 0) { med := mn }
            }
            default {
                // First bucket whose inclusive cumulative stake exceeds the minority.
                let below := 0
                let b := 0
                for {} lt(b, 64) { b := add(b, 1) } {
                    let h := mload(add(hist, shl(5, b)))
                    if sgt(add(below, h), minority) {
                        found := 1
                        break
                    }
                    below := add(below, h)
                }
                switch found
                case 0 {
                    // The histogram holds less stake than `total`: the largest score (no prefix exceeds).
                    let mx := 0
                    for { let p := base } lt(p, end) { p := add(p, 0x20) } {
                        let sc := shr(64, mload(p))
                        if gt(sc, mx) { mx := sc }
                    }
                    med := mx
                }
                default {
                    // Bucket b holds the packed words in [lo, hi); move them to the front.
                    let lo := shl(64, shl(shift, b))
                    let hi := shl(64, shl(shift, add(b, 1)))
                    if eq(b, 63) { hi := not(0) }
                    q := base
                    // (Unrolled by two.)
                    let p := base
                    for {} lt(add(p, 0x20), end) { p := add(p, 0x40) } {
                        {
                        let w := mload(p)
                        if and(iszero(lt(w, lo)), lt(w, hi)) {
                            mstore(p, mload(q))
                            mstore(q, w)
                            q := add(q, 0x20)
                            bucketSt := add(bucketSt, and(w, 0xffffffffffffffff))
                        }
                        }
                        {
                        let p2 := add(p, 0x20)
                        let w := mload(p2)
                        if and(iszero(lt(w, lo)), lt(w, hi)) {
                            mstore(p2, mload(q))
                            mstore(q, w)
                            q := add(q, 0x20)
                            bucketSt := add(bucketSt, and(w, 0xffffffffffffffff))
                        }
                        }
                    }
                    if lt(p, end) {
                        let w := mload(p)
                        if and(iszero(lt(w, lo)), lt(w, hi)) {
                            mstore(p, mload(q))
                            mstore(q, w)
                            q := add(q, 0x20)
                            bucketSt := add(bucketSt, and(w, 0xffffffffffffffff))
                        }
                    }
                    minor := sub(minority, below)
                }
            }
        }
        if (found) med = quickselect(base, q, minor, bucketSt);
    }

    /// @notice Three-way quickselect on the packed words in [l, r) (byte pointers): the smallest score whose
    /// inclusive cumulative stake exceeds `minor`, or the largest when none does; `partHi` is the stake in [l, r).
    function quickselect(uint256 l, uint256 r, int256 minor, uint256 partHi) internal pure returns (uint256 m) {
        assembly ("memory-safe") {
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
    }
}
