// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAuditLog} from "./interfaces/IAuditLog.sol";
import {IAuditLogExtensions} from "./interfaces/IAuditLogExtensions.sol";
import {INodeAuthority} from "./interfaces/INodeAuthority.sol";
import {BatchLib} from "./libraries/BatchLib.sol";
import {ReceiptLib} from "./libraries/ReceiptLib.sol";

/// @title AuditLog
/// @notice The EIP-712 domain of receipts and the Merkle roots of every node's receipt batches.
/// @dev Storage, chosen so that a steady-state commitBatch writes one fresh slot and rewrites one warm one:
/// - `_nodes[node]`: one slot {nextSeq uint64, batchCount uint64, origin uint8 (firstSeq of batch 0: 0 or 1)};
/// - `_batches[node][i]`: one slot per batch, BatchLib word {root commitment 176 | lastSeq 48 | committedAt 32}.
/// firstSeq of batch i > 0 is lastSeq of batch i-1 plus one, so it is not stored; findBatch binary-searches lastSeq.
contract AuditLog is IAuditLogExtensions, EIP712 {
    struct NodeState {
        uint64 nextSeq;
        uint64 batchCount;
        uint8 origin;
    }

    INodeAuthority private immutable _authority;

    mapping(address node => NodeState) private _nodes;
    mapping(address node => mapping(uint256 index => uint256 word)) private _batches;

    /// @param authority decides which node signing keys may commit (the Subnet, or an OwnedNodeAuthority); immutable.
    constructor(INodeAuthority authority) EIP712("Veritensor", "1") {
        if (address(authority) == address(0)) revert AuditLogZeroAuthority();
        _authority = authority;
    }

    /// @inheritdoc IAuditLog
    function commitBatch(bytes32 root, uint64 firstSeq, uint64 lastSeq) external returns (uint256 batchIndex) {
        if (!_authority.isAuthorizedSigner(msg.sender)) revert AuditLogUnauthorizedSigner(msg.sender);
        if (BatchLib.commitment(root) == bytes32(0)) revert AuditLogZeroRoot();
        if (lastSeq < firstSeq) revert AuditLogInvalidRange(firstSeq, lastSeq);
        if (lastSeq > BatchLib.MAX_SEQ) revert AuditLogSeqTooLarge(lastSeq, BatchLib.MAX_SEQ);
        NodeState memory s = _nodes[msg.sender];
        if (s.batchCount == 0) {
            if (firstSeq > 1) revert AuditLogNonContiguousRange(msg.sender, 0, firstSeq);
            s.origin = uint8(firstSeq);
        } else if (firstSeq != s.nextSeq) {
            revert AuditLogNonContiguousRange(msg.sender, s.nextSeq, firstSeq);
        }
        batchIndex = s.batchCount;
        // Block timestamps fit in 32 bits until the year 2106.
        _batches[msg.sender][batchIndex] = BatchLib.pack(root, lastSeq, uint32(block.timestamp));
        // lastSeq <= MAX_SEQ (2^48 - 1) and batchCount counts transactions, so neither addition can overflow uint64.
        unchecked {
            s.nextSeq = lastSeq + 1;
            s.batchCount = uint64(batchIndex + 1);
        }
        _nodes[msg.sender] = s;
        emit BatchCommitted(msg.sender, batchIndex, root, firstSeq, lastSeq);
    }

    /// @inheritdoc IAuditLog
    function nodeAuthority() external view returns (INodeAuthority) {
        return _authority;
    }

    /// @inheritdoc IAuditLog
    function batchCount(address node) external view returns (uint256) {
        return _nodes[node].batchCount;
    }

    /// @inheritdoc IAuditLog
    function batchAt(address node, uint256 index) external view returns (Batch memory) {
        uint256 count = _nodes[node].batchCount;
        if (index >= count) revert AuditLogBatchOutOfRange(node, index, count);
        return _batchAt(node, index);
    }

    /// @inheritdoc IAuditLog
    function findBatch(address node, uint64 seq) public view returns (bool found, uint256 batchIndex, Batch memory batch) {
        (found, batchIndex) = _find(node, seq);
        if (found) batch = _batchAt(node, batchIndex);
    }

    /// @inheritdoc IAuditLogExtensions
    function batchOf(address node, uint64 seq) external view returns (uint256 batchIndex, Batch memory batch) {
        bool found;
        (found, batchIndex, batch) = findBatch(node, seq);
        if (!found) revert AuditLogSeqNotCommitted(node, seq);
    }

    /// @inheritdoc IAuditLog
    function nextSeq(address node) external view returns (uint64) {
        return _nodes[node].nextSeq;
    }

    /// @inheritdoc IAuditLog
    function hashReceipt(Receipt calldata receipt) external pure returns (bytes32) {
        return ReceiptLib.hash(receipt);
    }

    /// @inheritdoc IAuditLog
    function receiptDigest(Receipt calldata receipt) public view returns (bytes32) {
        return _hashTypedDataV4(ReceiptLib.hash(receipt));
    }

    /// @inheritdoc IAuditLog
    function recoverReceiptSigner(Receipt calldata receipt, bytes calldata signature) external view returns (address) {
        (address signer, ECDSA.RecoverError err, bytes32 arg) =
            ECDSA.tryRecoverCalldata(receiptDigest(receipt), signature);
        if (err == ECDSA.RecoverError.InvalidSignatureLength) revert AuditLogInvalidSignatureLength(uint256(arg));
        if (err == ECDSA.RecoverError.InvalidSignatureS) revert AuditLogInvalidSignatureS(arg);
        if (err != ECDSA.RecoverError.NoError) revert AuditLogInvalidSignature();
        return signer;
    }

    /// @inheritdoc IAuditLog
    function isValidReceiptSignature(Receipt calldata receipt, bytes calldata signature) external view returns (bool) {
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(receiptDigest(receipt), signature);
        return err == ECDSA.RecoverError.NoError && signer == receipt.node;
    }

    /// @inheritdoc IAuditLog
    function verifyReceipt(Receipt calldata receipt, bytes32[] calldata proof) external view returns (bool) {
        (bool found, uint256 index) = _find(receipt.node, receipt.seq);
        if (!found) return false;
        bytes32 root = MerkleProof.processProofCalldata(proof, ReceiptLib.hash(receipt));
        return BatchLib.commitment(root) == BatchLib.rootOf(_batches[receipt.node][index]);
    }

    /// @inheritdoc IAuditLogExtensions
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @inheritdoc IAuditLogExtensions
    function rootCommitment(bytes32 root) external pure returns (bytes32) {
        return BatchLib.commitment(root);
    }

    /// @inheritdoc IAuditLogExtensions
    function maxSeq() external pure returns (uint64) {
        return BatchLib.MAX_SEQ;
    }

    /// @dev The batch at an index known to exist.
    function _batchAt(address node, uint256 index) private view returns (Batch memory b) {
        uint256 word = _batches[node][index];
        b.root = BatchLib.rootOf(word);
        b.lastSeq = BatchLib.lastSeqOf(word);
        b.committedAt = BatchLib.committedAtOf(word);
        // index - 1 is only evaluated when index > 0, and lastSeq <= MAX_SEQ < 2^64 - 1: nothing can wrap.
        unchecked {
            b.firstSeq = index == 0 ? _nodes[node].origin : BatchLib.lastSeqOf(_batches[node][index - 1]) + 1;
        }
    }

    /// @dev The index of the batch of `node` covering `seq`: the first batch whose lastSeq >= seq (binary search).
    function _find(address node, uint64 seq) private view returns (bool found, uint256 index) {
        NodeState memory s = _nodes[node];
        if (s.batchCount == 0 || seq < s.origin || seq >= s.nextSeq) return (false, 0);
        uint256 lo = 0;
        uint256 hi = s.batchCount - 1; // the last batch ends at nextSeq - 1 >= seq
        while (lo < hi) {
            // lo < hi <= batchCount - 1, so the sum cannot overflow and mid < hi.
            uint256 mid;
            unchecked {
                mid = (lo + hi) >> 1;
            }
            if (BatchLib.lastSeqOf(_batches[node][mid]) < seq) lo = mid + 1;
            else hi = mid;
        }
        return (true, lo);
    }
}
