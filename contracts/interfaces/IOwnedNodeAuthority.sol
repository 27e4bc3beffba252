// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {INodeAuthority} from "./INodeAuthority.sol";

/// @title IOwnedNodeAuthority
/// @notice An INodeAuthority whose owner authorises and revokes node signing keys by hand.
interface IOwnedNodeAuthority is INodeAuthority {
    /// @notice `signer` may now commit batches.
    event SignerAuthorized(address indexed signer);
    /// @notice `signer` may no longer commit batches.
    event SignerRevoked(address indexed signer);

    /// @notice The zero address cannot be a signer.
    error OwnedNodeAuthorityZeroSigner();
    /// @notice `signer` is already authorised.
    error OwnedNodeAuthorityAlreadyAuthorized(address signer);
    /// @notice `signer` is not authorised.
    error OwnedNodeAuthorityNotAuthorized(address signer);

    /// @notice Allows `signer` to commit batches. Owner only.
    function authorizeSigner(address signer) external;

    /// @notice Stops `signer` from committing batches. Owner only.
    function revokeSigner(address signer) external;
}
