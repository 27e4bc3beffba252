// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title BatchLib
/// @notice Packs one committed batch into a single storage word, so that committing a batch costs exactly one
/// fresh storage slot: `rootCommitment (high 176 bits) | lastSeq (48 bits) | committedAt (32 bits)`.
/// @dev Why the root is cut to 176 bits: a fresh slot costs 22,100 gas and the rest of commitBatch (21,000 base,
/// calldata, the authority call, the per-node slot, the event) already costs ~36k, so a second fresh slot per batch
/// cannot fit under 60k. A full 256-bit root plus a seq range does not fit in one slot, so the stored root is its
/// first 22 bytes: forging a leaf for it is a 2^176 second-preimage search; the full root is in BatchCommitted.
library BatchLib {
    /// @notice Number of low bits of a root dropped by the commitment.
    uint256 internal constant ROOT_DROPPED_BITS = 80;
    /// @notice Mask keeping the stored (high 176) bits of a root.
    uint256 internal constant ROOT_MASK = type(uint256).max << ROOT_DROPPED_BITS;
    /// @notice The largest storable seq (2^48 - 1).
    uint64 internal constant MAX_SEQ = type(uint48).max;

    /// @notice The part of `root` that the AuditLog stores and compares: its high 176 bits, low 80 bits zero.
    function commitment(bytes32 root) internal pure returns (bytes32) {
        return bytes32(uint256(root) & ROOT_MASK);
    }

    /// @notice Packs a batch word. `lastSeq` must be <= MAX_SEQ (checked by the caller).
    function pack(bytes32 root, uint64 lastSeq, uint32 committedAt) internal pure returns (uint256) {
        return (uint256(root) & ROOT_MASK) | (uint256(lastSeq) << 32) | uint256(committedAt);
    }

    /// @notice The root commitment stored in `word`.
    function rootOf(uint256 word) internal pure returns (bytes32) {
        return bytes32(word & ROOT_MASK);
    }

    /// @notice The last seq stored in `word`.
    function lastSeqOf(uint256 word) internal pure returns (uint64) {
        return uint64(uint48(word >> 32));
    }

    /// @notice The commit timestamp stored in `word`.
    function committedAtOf(uint256 word) internal pure returns (uint64) {
        return uint64(uint32(word));
    }
}
