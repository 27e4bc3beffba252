// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAuditLog} from "./IAuditLog.sol";

/// @title IAuditLogExtensions
/// @notice What AuditLog offers beyond IAuditLog (kept apart so that other implementations of IAuditLog,
/// such as test doubles, need not change).
interface IAuditLogExtensions is IAuditLog {
    /// @notice Like findBatch, but reverts with AuditLogSeqNotCommitted when no batch of `node` covers `seq`.
    function batchOf(address node, uint64 seq) external view returns (uint256 batchIndex, Batch memory batch);

    /// @notice The EIP-712 domain separator of receipts (name "Veritensor", version "1", this chain, this contract).
    function domainSeparator() external view returns (bytes32);

    /// @notice The part of a batch root that is stored and compared: its high 176 bits, low 80 bits zero.
    /// @dev Off-chain code comparing a locally built root with `Batch.root` compares `rootCommitment(localRoot)`.
    function rootCommitment(bytes32 root) external pure returns (bytes32);

    /// @notice The largest seq a batch may end at (2^48 - 1).
    function maxSeq() external pure returns (uint64);
}
