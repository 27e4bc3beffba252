// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title INodeAuthority
/// @notice Decides which node signing keys may commit receipt batches to the AuditLog.
/// @dev Implemented by the Subnet (staking) contract: only active, staked, non-jailed nodes'
/// signing keys are authorised. `OwnedNodeAuthority` is a minimal owner-managed implementation
/// used until (and besides) the Subnet.
interface INodeAuthority {
    /// @notice Whether `signer` is the signing key of a node currently allowed to commit batches.
    function isAuthorizedSigner(address signer) external view returns (bool);
}
