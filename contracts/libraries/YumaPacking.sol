// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title YumaPacking
/// @notice Packed storage arrays for the epoch: u16 x16, uint64 x4 and uint128 x2 per 256-bit word, and the
/// column-major bond words (16 u16 per word, stored XOR their own storage slot: see `bondMask`).
/// @dev 64-bit lanes hold values below 2^63: bit 255 (the top bit of lane 3) is free for WORD_MARKER, which the
/// epoch sets on every word it rewrites each epoch so that those words never go back to zero (a zero-to-non-zero
/// SSTORE costs 20,000 gas instead of 2,900). get64/set64 ignore and keep the marker.
library YumaPacking {
    /// @notice Non-zero marker of per-epoch uint64 x4 words (outside every lane's 63 value bits).
    uint256 internal constant WORD_MARKER = uint256(1) << 255;
    /// @notice Value mask of a 64-bit lane (63 bits; the lanes' top bits are reserved for the marker).
    uint256 internal constant LANE_MASK = (uint256(1) << 63) - 1;
    /// @notice Value mask of a 128-bit lane (127 bits; bit 255 may hold WORD_MARKER, e.g. on pre-marked reward
    /// counters, so that the first reward of a slot is not a zero-to-non-zero SSTORE inside the epoch).
    uint256 internal constant LANE128_MASK = (uint256(1) << 127) - 1;
    /// @notice The mask a bond word `a[k]` is stored XOR with (and decoded with): its own storage slot,
    /// keccak256(k, a.slot). A word of zero bonds is then a non-zero slot, so every epoch's rewrite is a non-zero to
    /// non-zero SSTORE (2,900 gas, not 20,000); a stored zero would need 16 bonds equal to that 256-bit hash.
    /// YumaEpoch's bonds assembly uses the slot it computes anyway.
    function bondMask(mapping(uint256 => uint256) storage a, uint256 k) internal pure returns (uint256 slot) {
        assembly ("memory-safe") {
            mstore(0x00, k)
            mstore(0x20, a.slot)
            slot := keccak256(0x00, 0x40)
        }
    }
    /// @notice Bonds per bond word.
    uint256 internal constant BONDS_PER_WORD = 16;

    function get64(mapping(uint256 => uint256) storage a, uint256 i) internal view returns (uint256) {
        return (a[i >> 2] >> ((i & 3) << 6)) & LANE_MASK;
    }

    function set64(mapping(uint256 => uint256) storage a, uint256 i, uint256 v) internal {
        uint256 sh = (i & 3) << 6;
        uint256 w = a[i >> 2];
        a[i >> 2] = (w & ~(LANE_MASK << sh)) | (v << sh);
    }

    function get128(mapping(uint256 => uint256) storage a, uint256 i) internal view returns (uint256) {
        return (a[i >> 1] >> ((i & 1) << 7)) & LANE128_MASK;
    }

    function add128(mapping(uint256 => uint256) storage a, uint256 i, uint256 v) internal {
        uint256 sh = (i & 1) << 7;
        uint256 w = a[i >> 1];
        uint256 cur = (w >> sh) & LANE128_MASK;
        uint256 next = cur + v;
        if (next > LANE128_MASK) revert YumaPackingOverflow();
        a[i >> 1] = (w & ~(LANE128_MASK << sh)) | (next << sh);
    }

    /// @notice A packed value exceeded its field.
    error YumaPackingOverflow();
}
