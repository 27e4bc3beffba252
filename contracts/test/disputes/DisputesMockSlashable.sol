// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ISlashable} from "../../interfaces/ISlashable.sol";
import {INodeAuthority} from "../../interfaces/INodeAuthority.sol";

/// @title DisputesMockSlashable
/// @notice Test-only ISlashable + INodeAuthority: operators, pools and validators set directly; `slash` takes the
/// fraction of a pool held here in tokens, pays the reward share to the beneficiary and burns the rest (to 0xdead).
contract DisputesMockSlashable is ISlashable, INodeAuthority {
    using SafeERC20 for IERC20;

    event Slashed(address indexed operator, uint256 fractionWad, uint256 rewardWad, address beneficiary, bool jail, uint256 slashed);

    error DisputesMockSlashableNotSlasher(address caller);

    IERC20 public immutable token;
    address public slasher;
    mapping(address signer => address operator) private _operatorOf;
    mapping(address operator => uint256) public poolOf;
    mapping(address operator => bool) public jailed;
    address[] private _validators;
    uint256[] private _stakes;

    constructor(IERC20 token_) {
        token = token_;
    }

    function setSlasher(address slasher_) external {
        slasher = slasher_;
    }

    function setOperator(address signer, address operator) external {
        _operatorOf[signer] = operator;
    }

    /// @notice Sets `operator`'s pool; the caller must have transferred the tokens to this contract.
    function setPool(address operator, uint256 amount) external {
        poolOf[operator] = amount;
    }

    function setValidators(address[] calldata validators, uint256[] calldata stakes) external {
        _validators = validators;
        _stakes = stakes;
    }

    function operatorOfSigner(address signer) external view returns (address) {
        return _operatorOf[signer];
    }

    function isAuthorizedSigner(address signer) external view returns (bool) {
        return _operatorOf[signer] != address(0) && !jailed[_operatorOf[signer]];
    }

    function slash(address operator, uint256 fractionWad, uint256 rewardWad, address beneficiary, bool jail)
        external
        returns (uint256 slashed)
    {
        if (msg.sender != slasher) revert DisputesMockSlashableNotSlasher(msg.sender);
        slashed = poolOf[operator] * fractionWad / 1e18;
        poolOf[operator] -= slashed;
        if (jail) jailed[operator] = true;
        uint256 reward = slashed * rewardWad / 1e18;
        if (reward != 0) token.safeTransfer(beneficiary, reward);
        if (slashed > reward) token.safeTransfer(address(0xdead), slashed - reward);
        emit Slashed(operator, fractionWad, rewardWad, beneficiary, jail, slashed);
    }

    function validatorStakes() external view returns (address[] memory, uint256[] memory) {
        return (_validators, _stakes);
    }

    function isValidator(address account) external view returns (bool) {
        for (uint256 i = 0; i < _validators.length; ++i) {
            if (_validators[i] == account && _stakes[i] != 0) return true;
        }
        return false;
    }
}
