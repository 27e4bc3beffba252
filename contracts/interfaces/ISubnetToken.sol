// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title ISubnetToken
/// @notice What Subnet needs from VeritensorToken: ERC20, `mint` (MINTER_ROLE granted to Subnet) and ERC20Burnable's
/// `burn`.
interface ISubnetToken is IERC20 {
    /// @notice Mints `amount` to `to`; the caller holds MINTER_ROLE.
    function mint(address to, uint256 amount) external;

    /// @notice Burns `amount` of the caller's tokens.
    function burn(uint256 amount) external;
}
