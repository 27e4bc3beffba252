// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title StakeMath
/// @notice Share accounting of delegation pools and reward-per-share arithmetic. Every rounding favours the pool:
/// deposits mint floor(shares), withdrawals pay floor(stake), rewards credit floor(reward-per-share).
library StakeMath {
    /// @notice Scale of the accumulated reward per share.
    uint256 internal constant ACC_SCALE = 1e36;

    /// @notice Shares minted for depositing `amount` into a pool holding `stake` for `shares`.
    /// @dev Returns 0 when the pool has shares but no stake (fully slashed); callers reject that.
    function sharesFor(uint256 amount, uint256 stake, uint256 shares) internal pure returns (uint256) {
        if (shares == 0) return amount;
        if (stake == 0) return 0;
        return Math.mulDiv(amount, shares, stake);
    }

    /// @notice Stake that `part` shares of a pool holding `stake` for `shares` are worth (floored).
    function stakeOf(uint256 part, uint256 stake, uint256 shares) internal pure returns (uint256) {
        if (shares == 0) return 0;
        return Math.mulDiv(part, stake, shares);
    }

    /// @notice `fractionWad` (1e18 = 100%) of `amount`, floored.
    function fraction(uint256 amount, uint256 fractionWad) internal pure returns (uint256) {
        return Math.mulDiv(amount, fractionWad, 1e18);
    }

    /// @notice Increase of the reward-per-share accumulator for `reward` spread over `shares`.
    function accIncrease(uint256 reward, uint256 shares) internal pure returns (uint256) {
        return Math.mulDiv(reward, ACC_SCALE, shares);
    }

    /// @notice Rewards accrued by `shares` at accumulator `acc` (before subtracting the position's debt).
    function accrued(uint256 shares, uint256 acc) internal pure returns (uint256) {
        return Math.mulDiv(shares, acc, ACC_SCALE);
    }
}
