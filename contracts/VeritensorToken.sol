// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {IVeritensorToken} from "./interfaces/IVeritensorToken.sol";

/// @title VeritensorToken
/// @notice The Veritensor network token "VTS": ERC-20 + permit + votes + burnable, minted by MINTER_ROLE.
/// @dev `admin` gets DEFAULT_ADMIN_ROLE and MINTER_ROLE; it grants MINTER_ROLE to the Subnet and may then renounce.
contract VeritensorToken is IVeritensorToken, ERC20, ERC20Burnable, ERC20Permit, ERC20Votes, AccessControl {
    /// @inheritdoc IVeritensorToken
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC20("Veritensor", "VTS") ERC20Permit("Veritensor") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @inheritdoc IVeritensorToken
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @inheritdoc IVeritensorToken
    function burn(uint256 amount) public override(ERC20Burnable, IVeritensorToken) {
        super.burn(amount);
    }

    /// @inheritdoc IVeritensorToken
    function burnFrom(address account, uint256 amount) public override(ERC20Burnable, IVeritensorToken) {
        super.burnFrom(account, amount);
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
