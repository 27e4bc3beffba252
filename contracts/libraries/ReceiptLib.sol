// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAuditLog} from "../interfaces/IAuditLog.sol";

/// @title ReceiptLib
/// @notice EIP-712 struct hash of a Veritensor receipt (which is also its Merkle leaf).
library ReceiptLib {
    /// @notice keccak256 of the EIP-712 type string of a receipt.
    bytes32 internal constant RECEIPT_TYPEHASH = keccak256(
        "Receipt(bytes32 requestId,bytes32 modelHash,bytes32 inputDigest,bytes32 outputDigest,address node,uint64 seq,uint64 timestamp)"
    );

    /// @notice The EIP-712 struct hash: keccak256(abi.encode(RECEIPT_TYPEHASH, ...fields)).
    /// @dev Every field is a static type, so the encoding is the typehash followed by the 7 words of the struct.
    function hash(IAuditLog.Receipt calldata r) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                RECEIPT_TYPEHASH, r.requestId, r.modelHash, r.inputDigest, r.outputDigest, r.node, r.seq, r.timestamp
            )
        );
    }
}
