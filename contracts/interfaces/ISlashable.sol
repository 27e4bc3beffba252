// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ISlashable
/// @notice What the disputes contract (Challenges) needs from the Subnet staking contract.
/// @dev Implemented by Subnet. `slash` is restricted to the holder of the slasher role (the Challenges contract).
interface ISlashable {
    /// @notice The operator (pool owner) whose node uses `signer` as signing key; address(0) if none.
    function operatorOfSigner(address signer) external view returns (address);

    /// @notice Takes `fractionWad` (1e18 = 100%) of `operator`'s whole pool (self-stake, delegated and still-unbonding
    /// stake alike), pays `rewardWad` of the slashed amount to `beneficiary` and burns the rest. Optionally jails.
    /// @return slashed the total amount taken from the pool.
    function slash(address operator, uint256 fractionWad, uint256 rewardWad, address beneficiary, bool jail)
        external
        returns (uint256 slashed);

    /// @notice Validators eligible for dispute committees, with their total stake (self + delegated).
    function validatorStakes() external view returns (address[] memory validators, uint256[] memory stakes);

    /// @notice Whether `account` is a registered validator (operator address) with at least the minimum stake.
    function isValidator(address account) external view returns (bool);
}
