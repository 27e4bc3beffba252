// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";

/// @title SubnetMockToken
/// @notice Test-only stand-in for VeritensorToken (ERC20 + burn + mint by a single minter) used by test/subnet
/// until the real token is on main.
contract SubnetMockToken is ERC20, ERC20Burnable {
    error SubnetMockTokenNotMinter(address caller);

    mapping(address => bool) public minters;

    constructor() ERC20("Mock", "MOCK") {
        minters[msg.sender] = true;
    }

    function setMinter(address who, bool on) external {
        if (!minters[msg.sender]) revert SubnetMockTokenNotMinter(msg.sender);
        minters[who] = on;
    }

    function mint(address to, uint256 amount) external {
        if (!minters[msg.sender]) revert SubnetMockTokenNotMinter(msg.sender);
        _mint(to, amount);
    }
}
