// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DisputesMockToken
/// @notice Test-only ERC20 with open minting, used by the disputes tests before VeritensorToken lands.
contract DisputesMockToken is ERC20("Disputes Test Token", "DTT") {
    /// @notice Mints `amount` to `to` (anyone, tests only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
