// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {INodeAuthority} from "./INodeAuthority.sol";

/// @title IAuditLog
/// @notice Holds the EIP-712 domain of receipts and the Merkle roots of every node's receipt batches.
/// @dev A receipt is the EIP-712 struct
/// `Receipt(bytes32 requestId,bytes32 modelHash,bytes32 inputDigest,bytes32 outputDigest,address node,uint64 seq,uint64 timestamp)`
/// signed by the node's signing key under the domain {name:"Veritensor", version:"1", chainId, verifyingContract: this}.
/// A batch's leaves are the receipts' struct hashes in seq order; the tree is keccak256 with sorted pairs.
interface IAuditLog {
    struct Receipt {
        bytes32 requestId;
        bytes32 modelHash;
        bytes32 inputDigest;
        bytes32 outputDigest;
        address node;
        uint64 seq;
        uint64 timestamp;
    }

    /// @dev `root` is the batch root's commitment: its high 176 bits, the low 80 bits zero (see IAuditLogExtensions.rootCommitment;
    /// the full root is in BatchCommitted). Storing it so keeps a whole batch in one storage word (commitBatch <= 60k gas).
    /// `firstSeq` of batch 0 is 0 or 1; of batch i > 0 it is batch i-1's lastSeq + 1.
    struct Batch {
        bytes32 root;
        uint64 firstSeq;
        uint64 lastSeq;
        uint64 committedAt;
    }

    /// @notice A node committed the root of receipts `firstSeq..lastSeq` (inclusive).
    event BatchCommitted(address indexed node, uint256 indexed batchIndex, bytes32 root, uint64 firstSeq, uint64 lastSeq);

    /// @notice The caller is not an authorised node signing key.
    error AuditLogUnauthorizedSigner(address signer);
    /// @notice `firstSeq` is not the node's next expected seq (ranges must be contiguous, start at 0 or 1).
    error AuditLogNonContiguousRange(address node, uint64 expectedFirstSeq, uint64 firstSeq);
    /// @notice `lastSeq` is below `firstSeq`.
    error AuditLogInvalidRange(uint64 firstSeq, uint64 lastSeq);
    /// @notice The root is zero (or its stored 176-bit commitment is: see IAuditLogExtensions.rootCommitment).
    error AuditLogZeroRoot();
    /// @notice No batch of `node` covers `seq`.
    error AuditLogSeqNotCommitted(address node, uint64 seq);
    /// @notice `node` has `count` batches; `index` is not one of them.
    error AuditLogBatchOutOfRange(address node, uint256 index, uint256 count);
    /// @notice `lastSeq` is above the largest storable seq (2^48 - 1).
    error AuditLogSeqTooLarge(uint64 lastSeq, uint64 maxSeq);
    /// @notice The authority given to the constructor is the zero address.
    error AuditLogZeroAuthority();
    /// @notice The signature does not recover to any address (bad v, or r/s off the curve).
    error AuditLogInvalidSignature();
    /// @notice The signature is not 65 bytes (r ‖ s ‖ v).
    error AuditLogInvalidSignatureLength(uint256 length);
    /// @notice The signature's s is in the upper half of the curve order (malleable form).
    error AuditLogInvalidSignatureS(bytes32 s);

    /// @notice Commits the Merkle root of the caller's receipts `firstSeq..lastSeq`. The caller is the node signing key.
    /// @dev The first batch of a node may start at 0 or 1; every later batch starts at the previous `lastSeq + 1`.
    function commitBatch(bytes32 root, uint64 firstSeq, uint64 lastSeq) external returns (uint256 batchIndex);

    /// @notice The contract that authorises node signing keys.
    function nodeAuthority() external view returns (INodeAuthority);

    /// @notice Number of batches committed by `node`.
    function batchCount(address node) external view returns (uint256);

    /// @notice The `index`-th batch of `node` (reverts if out of range).
    function batchAt(address node, uint256 index) external view returns (Batch memory);

    /// @notice The batch of `node` that covers `seq`. `found` is false when no committed batch covers it.
    function findBatch(address node, uint64 seq) external view returns (bool found, uint256 batchIndex, Batch memory batch);

    /// @notice The seq the node's next batch must start at (0 before its first batch: 0 or 1 are then both accepted).
    function nextSeq(address node) external view returns (uint64);

    /// @notice The receipt's EIP-712 struct hash, which is also its Merkle leaf.
    function hashReceipt(Receipt calldata receipt) external pure returns (bytes32);

    /// @notice The EIP-712 digest the node signs: keccak256("\x19\x01" ‖ domainSeparator ‖ structHash).
    function receiptDigest(Receipt calldata receipt) external view returns (bytes32);

    /// @notice The address that signed `receipt` (reverts on a malformed signature).
    function recoverReceiptSigner(Receipt calldata receipt, bytes calldata signature) external view returns (address);

    /// @notice Whether `signature` over `receipt` was made by `receipt.node`.
    function isValidReceiptSignature(Receipt calldata receipt, bytes calldata signature) external view returns (bool);

    /// @notice Whether `receipt` is a leaf, proved by `proof`, of the committed batch covering `receipt.seq` of `receipt.node`.
    /// @dev The proof is a sorted-pair keccak256 path (OpenZeppelin MerkleProof, merkletreejs sortPairs); a batch of one
    /// receipt has root = leaf and an empty proof. False (never a revert) when no batch covers the seq.
    function verifyReceipt(Receipt calldata receipt, bytes32[] calldata proof) external view returns (bool);
}
