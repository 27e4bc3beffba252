// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {YumaMath} from "../../libraries/YumaMath.sol";

/// @title YumaMathHarness
/// @notice Test-only: exposes YumaMath's weighted median so tests can compare it with the TypeScript reference.
contract YumaMathHarness {
    /// @notice Weighted median of `scores` with `stakes`; minority and total as the epoch passes them.
    function weightedMedian(uint256[] calldata scores, uint256[] calldata stakes, int256 minority, uint256 total)
        external
        pure
        returns (uint256)
    {
        uint256 n = scores.length;
        uint256[] memory packed = new uint256[](n + 1);
        for (uint256 i; i < n; ++i) packed[i] = (scores[i] << 64) | stakes[i];
        return YumaMath.weightedMedian(packed, n, minority, total);
    }

    /// @notice Runs `weightedMedian` over many columns of one batch and returns every result (fast fuzzing).
    function weightedMedianBatch(uint256[][] calldata scores, uint256[][] calldata stakes, int256[] calldata minority, uint256[] calldata total)
        external
        view
        returns (uint256[] memory out)
    {
        out = new uint256[](scores.length);
        for (uint256 c; c < scores.length; ++c) out[c] = this.weightedMedian(scores[c], stakes[c], minority[c], total[c]);
    }
}
