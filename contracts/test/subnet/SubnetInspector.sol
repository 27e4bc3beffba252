// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISubnet} from "../../interfaces/ISubnet.sol";

/// @title SubnetInspector
/// @notice Test-only: reads the Subnet's whole accounting state for given operators and delegators in one call, so
/// the invariant fuzz can check it after every step cheaply.
contract SubnetInspector {
    /// @notice Flat snapshot: [supply, balances of `holders`..., per operator: kind, stake, unbondingStake; then per
    /// delegator: count of its positions among `ops`, and per position: operator index, shares, stake,
    /// pendingRewards, entry count, (id, amount, releaseBlock) per entry]. Positions a delegator never opened are
    /// left out (they are all zero).
    function inspect(ISubnet subnet, IERC20 token, address[] calldata ops, address[] calldata dels, address[] calldata holders)
        external
        view
        returns (uint256[] memory out)
    {
        out = new uint256[](4096);
        uint256 k;
        out[k++] = token.totalSupply();
        for (uint256 i; i < holders.length; ++i) out[k++] = token.balanceOf(holders[i]);
        for (uint256 o; o < ops.length; ++o) {
            ISubnet.PoolView memory p = subnet.pool(ops[o]);
            out[k++] = p.kind;
            out[k++] = p.stake;
            out[k++] = p.unbondingStake;
        }
        for (uint256 d; d < dels.length; ++d) {
            address[] memory mine = subnet.positionsOf(dels[d]);
            out[k++] = mine.length;
            for (uint256 m; m < mine.length; ++m) {
                uint256 o;
                while (ops[o] != mine[m]) ++o;
                ISubnet.PositionView memory q = subnet.position(mine[m], dels[d]);
                out[k++] = o;
                out[k++] = q.shares;
                out[k++] = q.stake;
                out[k++] = q.pendingRewards;
                out[k++] = q.unbonding.length;
                for (uint256 u; u < q.unbonding.length; ++u) {
                    out[k++] = q.unbonding[u].id;
                    out[k++] = q.unbonding[u].amount;
                    out[k++] = q.unbonding[u].releaseBlock;
                }
            }
        }
        assembly ("memory-safe") {
            mstore(out, k)
        }
    }
}
