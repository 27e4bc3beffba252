// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAuditLog} from "../../interfaces/IAuditLog.sol";
import {INodeAuthority} from "../../interfaces/INodeAuthority.sol";

/// @title DisputesMockAuditLog
/// @notice Test-only IAuditLog (real EIP-712 and Merkle checks, linear batch search) so the disputes tests run before
/// the real AuditLog lands; the same tests also run against the real one.
contract DisputesMockAuditLog is IAuditLog, EIP712("Veritensor", "1") {
    bytes32 private constant RECEIPT_TYPEHASH = keccak256(
        "Receipt(bytes32 requestId,bytes32 modelHash,bytes32 inputDigest,bytes32 outputDigest,address node,uint64 seq,uint64 timestamp)"
    );

    INodeAuthority public immutable nodeAuthority;
    mapping(address node => Batch[]) private _batches;
    mapping(address node => uint64) public nextSeq;

    constructor(INodeAuthority authority) {
        nodeAuthority = authority;
    }

    function commitBatch(bytes32 root, uint64 firstSeq, uint64 lastSeq) external returns (uint256 batchIndex) {
        if (!nodeAuthority.isAuthorizedSigner(msg.sender)) revert AuditLogUnauthorizedSigner(msg.sender);
        if (root == bytes32(0)) revert AuditLogZeroRoot();
        if (lastSeq < firstSeq) revert AuditLogInvalidRange(firstSeq, lastSeq);
        uint64 expected = nextSeq[msg.sender];
        bool first = _batches[msg.sender].length == 0;
        if (first ? firstSeq > 1 : firstSeq != expected) revert AuditLogNonContiguousRange(msg.sender, expected, firstSeq);
        batchIndex = _batches[msg.sender].length;
        _batches[msg.sender].push(Batch(root, firstSeq, lastSeq, uint64(block.timestamp)));
        nextSeq[msg.sender] = lastSeq + 1;
        emit BatchCommitted(msg.sender, batchIndex, root, firstSeq, lastSeq);
    }

    function batchCount(address node) external view returns (uint256) {
        return _batches[node].length;
    }

    function batchAt(address node, uint256 index) external view returns (Batch memory) {
        return _batches[node][index];
    }

    function findBatch(address node, uint64 seq) public view returns (bool found, uint256 batchIndex, Batch memory batch) {
        Batch[] storage list = _batches[node];
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i].firstSeq <= seq && seq <= list[i].lastSeq) return (true, i, list[i]);
        }
    }

    function hashReceipt(Receipt calldata r) public pure returns (bytes32) {
        return keccak256(
            abi.encode(RECEIPT_TYPEHASH, r.requestId, r.modelHash, r.inputDigest, r.outputDigest, r.node, r.seq, r.timestamp)
        );
    }

    function receiptDigest(Receipt calldata r) public view returns (bytes32) {
        return _hashTypedDataV4(hashReceipt(r));
    }

    function recoverReceiptSigner(Receipt calldata r, bytes calldata signature) public view returns (address) {
        return ECDSA.recover(receiptDigest(r), signature);
    }

    function isValidReceiptSignature(Receipt calldata r, bytes calldata signature) external view returns (bool) {
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(receiptDigest(r), signature);
        return err == ECDSA.RecoverError.NoError && signer == r.node;
    }

    function verifyReceipt(Receipt calldata r, bytes32[] calldata proof) external view returns (bool) {
        (bool found,, Batch memory batch) = findBatch(r.node, r.seq);
        return found && MerkleProof.verifyCalldata(proof, batch.root, hashReceipt(r));
    }
}
