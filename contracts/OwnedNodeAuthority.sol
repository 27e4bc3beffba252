// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IOwnedNodeAuthority} from "./interfaces/IOwnedNodeAuthority.sol";
import {INodeAuthority} from "./interfaces/INodeAuthority.sol";

/// @title OwnedNodeAuthority
/// @notice A minimal owner-managed list of node signing keys allowed to commit batches to the AuditLog.
/// @dev Used in tests and on devnets until (and besides) the Subnet staking contract.
contract OwnedNodeAuthority is IOwnedNodeAuthority, Ownable {
    mapping(address signer => bool) private _authorized;

    /// @param initialOwner the account allowed to authorise and revoke signers.
    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @inheritdoc IOwnedNodeAuthority
    function authorizeSigner(address signer) external onlyOwner {
        if (signer == address(0)) revert OwnedNodeAuthorityZeroSigner();
        if (_authorized[signer]) revert OwnedNodeAuthorityAlreadyAuthorized(signer);
        _authorized[signer] = true;
        emit SignerAuthorized(signer);
    }

    /// @inheritdoc IOwnedNodeAuthority
    function revokeSigner(address signer) external onlyOwner {
        if (!_authorized[signer]) revert OwnedNodeAuthorityNotAuthorized(signer);
        _authorized[signer] = false;
        emit SignerRevoked(signer);
    }

    /// @inheritdoc INodeAuthority
    function isAuthorizedSigner(address signer) external view returns (bool) {
        return _authorized[signer];
    }
}
