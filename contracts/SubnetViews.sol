// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ISubnet} from "./interfaces/ISubnet.sol";
import {YumaEpoch} from "./libraries/YumaEpoch.sol";
import {YumaPacking} from "./libraries/YumaPacking.sol";

/// @title SubnetViews
/// @notice Read helpers of Subnet over the epoch storage (a linked library, to keep Subnet under the size limit).
library SubnetViews {
    using YumaPacking for mapping(uint256 => uint256);

    /// @notice Results of the last finalised epoch (addresses are filled in by Subnet).
    function results(YumaEpoch.State storage s, uint256 nV, uint256 nN)
        external
        view
        returns (ISubnet.EpochResults memory r)
    {
        r.emission = s.fin.emission;
        r.validators = new address[](nV);
        r.stake = new uint64[](nV);
        r.activeStake = new uint64[](nV);
        r.validatorTrust = new uint64[](nV);
        r.dividends = new uint64[](nV);
        r.validatorEmission = new uint256[](nV);
        bool fallbackShare = s.fin.rankSum == 0;
        uint256 portion = s.lastValidatorPortion + (fallbackShare ? s.lastNodePortion : 0);
        uint256 actSum;
        for (uint256 v; v < nV; ++v) actSum += s.activeStake.get64(v);
        for (uint256 v; v < nV; ++v) {
            r.stake[v] = uint64(s.stakeProp.get64(v));
            r.activeStake[v] = uint64(s.activeStake.get64(v));
            r.validatorTrust[v] = uint64(s.trust.get64(v));
            r.dividends[v] = uint64(s.dividends.get64(v));
            uint256 share = !fallbackShare ? r.dividends[v] : actSum != 0 ? r.activeStake[v] : r.stake[v];
            if ((s.fin.eligibleMask >> v) & 1 == 1) r.validatorEmission[v] = (share * portion) >> 32;
        }
        r.nodes = new address[](nN);
        r.consensus = new uint64[](nN);
        r.incentive = new uint64[](nN);
        r.nodeEmission = new uint256[](nN);
        for (uint256 j; j < nN; ++j) {
            r.consensus[j] = uint64(s.consensus.get64(j));
            r.incentive[j] = uint64(s.incentive.get64(j));
            r.nodeEmission[j] = (uint256(r.incentive[j]) * s.lastNodePortion) >> 32;
        }
    }

    /// @notice The whole bonds matrix [validator slot][node slot] as the next epoch will read it.
    function bondsMatrix(YumaEpoch.State storage s, uint256 nV, uint256 nN) external view returns (uint16[][] memory b) {
        b = new uint16[][](nV);
        for (uint256 v; v < nV; ++v) {
            b[v] = new uint16[](nN);
            for (uint256 j; j < nN; ++j) b[v][j] = uint16(bond(s, v, j));
        }
    }

    /// @notice Bond of validator slot `v` on node slot `j` as the next epoch will read it (0 where masked: a node or
    /// validator registered since the last finalisation).
    function bond(YumaEpoch.State storage s, uint256 v, uint256 j) public view returns (uint256) {
        uint256 info = s.nodeInfo.get128(j);
        if (info & 1 == 0 || ((info >> 34) & type(uint32).max) >= s.completed) return 0;
        uint256 reg = s.valReg.get64(v);
        if (reg == 0 || reg - 1 >= s.completed) return 0;
        uint256 w = v / YumaPacking.BONDS_PER_WORD;
        uint256 k = (j << 4) | w;
        return ((s.bonds[k] ^ YumaPacking.bondMask(s.bonds, k)) >> ((v % YumaPacking.BONDS_PER_WORD) << 4)) & 0xffff;
    }
}
