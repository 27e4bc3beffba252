// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IVeritensorToken
/// @notice The network token (symbol VTS, 18 decimals): ERC-20 with EIP-2612 permit and ERC-5805 votes,
/// minted by holders of MINTER_ROLE (the Subnet, for epoch emissions) and burnable by holders (slashing burns).
interface IVeritensorToken is IERC20 {
    /// @notice The role allowed to mint (granted to the Subnet staking contract).
    function MINTER_ROLE() external view returns (bytes32);

    /// @notice Mints `amount` to `to`. Caller must hold MINTER_ROLE.
    /// @dev Reverts with AccessControlUnauthorizedAccount(caller, MINTER_ROLE) otherwise; emits Transfer(0, to, amount).
    function mint(address to, uint256 amount) external;

    /// @notice Burns `amount` of the caller's tokens (emits Transfer(caller, 0, amount)).
    function burn(uint256 amount) external;

    /// @notice Burns `amount` of `account`'s tokens, spending the caller's allowance.
    function burnFrom(address account, uint256 amount) external;
}
