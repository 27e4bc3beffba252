// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {YumaMath} from "./YumaMath.sol";
import {YumaPacking} from "./YumaPacking.sol";
import {ISubnet} from "../interfaces/ISubnet.sol";

/// @title YumaEpoch
/// @notice Weights commit-reveal storage and the chunked Yuma epoch (consensus, clipping, incentive, EMA bonds,
/// dividends, emission accrual) of the Subnet contract. A linked (external) library so that Subnet stays under the
/// 24 KiB code limit; it runs by DELEGATECALL on Subnet's storage.
/// @dev The epoch is a validators x nodes version of subtensor's `epoch_mechanism` (original Yuma branch, sparse
/// semantics) in unsigned Q32.32 (see YumaMath). Finalisation runs in steps: START (snapshot stake and activity),
/// one CONSENSUS step per group of 16 node columns (weighted median, clip, rank), one BONDS step per group
/// (incentive, EMA bonds, dividends, node rewards), and EMIT (normalise dividends, validator rewards). The TypeScript
/// reference in client/subnet/ computes the same integers.
library YumaEpoch {
    using YumaPacking for mapping(uint256 => uint256);

    /// @notice Hard limits of the packed layouts.
    uint256 internal constant MAX_VALIDATORS = 128;
    uint256 internal constant MAX_NODES = 1024;
    /// @notice Node columns per weights word and per finalisation step.
    uint256 internal constant GROUP = 16;

    uint8 internal constant PHASE_IDLE = 0;
    uint8 internal constant PHASE_CONSENSUS = 1;
    uint8 internal constant PHASE_BONDS = 2;
    uint8 internal constant PHASE_EMIT = 3;

    /// @notice Progress of the epoch being finalised.
    struct Fin {
        uint32 epoch;
        uint8 phase;
        uint16 cursor;
        uint16 nV;
        uint16 nN;
        uint16 nActive;
        uint128 emission;
        int256 minority;
        uint256 useTotal;
        uint256 rankSum;
        uint256 paid;
        uint256 eligibleMask;
        uint256 bondsMask;
    }

    /// @notice Everything the epoch keeps in storage.
    struct State {
        uint64 kappa;
        uint32 bmaPpm;
        uint16 nodesBps;
        uint16 validatorsBps;
        uint32 completed;
        uint128 lastNodePortion;
        uint128 lastValidatorPortion;
        Fin fin;
        mapping(uint256 => bytes32) commitHash; // key: parity << 8 | v
        mapping(uint256 => uint256) header; // key: parity << 8 | v (see _header*)
        mapping(uint256 => uint256) weights; // key: (parity << 8 | v) << 8 | word; 16 u16 per word
        mapping(uint256 => uint256) bonds; // key: j << 4 | word; 15 u16 per word + marker
        mapping(uint256 => uint256) nodeInfo; // uint128 x2: exists(1) staked(1) regBlock(32) regCompleted(32) jailedUntil(32)
        mapping(uint256 => uint256) valReg; // uint64 x4: completed-at-registration + 1, 0 = empty slot
        mapping(uint256 => uint256) activeList; // uint128 x2: v(8) aStake(40) uStake(40) rowSum(40)
        mapping(uint256 => uint256) consensus; // uint64 x4 per node
        mapping(uint256 => uint256) rank; // uint64 x4 per node
        mapping(uint256 => uint256) incentive; // uint64 x4 per node
        mapping(uint256 => uint256) dividends; // uint64 x4 per validator
        mapping(uint256 => uint256) trust; // uint64 x4 per validator
        mapping(uint256 => uint256) stakeProp; // uint64 x4 per validator
        mapping(uint256 => uint256) activeStake; // uint64 x4 per validator
        mapping(uint256 => uint256) nodeCum; // uint128 x2 cumulative node rewards per slot
        mapping(uint256 => uint256) valCum; // uint128 x2 cumulative validator rewards per slot
    }

    // ---------------------------------------------------------------- header: commitEpoch+1 (32) | commitBlock (64)
    // | revealEpoch+1 (32) | rowSum (32) | count (16)

    function _revealTag(uint256 h) private pure returns (uint256) {
        return (h >> 96) & type(uint32).max;
    }

    // ---------------------------------------------------------------- registration hooks

    /// @notice Slot `j` gets a new node: clears weights already revealed on the slot and its last results.
    function registerNode(State storage s, uint256 j, uint256 nV, uint256 maxV) external {
        _clearNodeColumn(s, j, nV);
        // Pre-mark the node's bond words so that epochs only ever rewrite non-zero words.
        for (uint256 w; w * YumaPacking.BONDS_PER_WORD < maxV; ++w) {
            if (s.bonds[(j << 4) | w] == 0) s.bonds[(j << 4) | w] = YumaPacking.BOND_MARKER;
        }
        uint256 info = 1 | (2) | (block.number << 2) | (uint256(s.completed) << 34);
        _setNodeInfo(s, j, info);
        s.consensus.set64(j, 0);
        s.incentive.set64(j, 0);
    }

    /// @notice Slot `j` is emptied.
    function deregisterNode(State storage s, uint256 j, uint256 nV) external {
        _clearNodeColumn(s, j, nV);
        _setNodeInfo(s, j, 0);
        s.consensus.set64(j, 0);
        s.incentive.set64(j, 0);
    }

    /// @notice Updates the eligibility inputs of node `j` (self-stake at least the minimum, jailed until block).
    function setNodeStatus(State storage s, uint256 j, bool staked, uint256 jailedUntil) internal {
        uint256 info = s.nodeInfo.get128(j);
        if (info & 1 == 0) return;
        info = (info & ~(uint256(2) | (uint256(type(uint32).max) << 66))) | (staked ? 2 : 0) | (jailedUntil << 66);
        _setNodeInfo(s, j, info);
    }

    /// @notice Whether slot `j` holds a node that is paid and may sign now.
    function nodeEligible(State storage s, uint256 j) internal view returns (bool) {
        return _eligible(s.nodeInfo.get128(j));
    }

    function _eligible(uint256 info) private view returns (bool) {
        return info & 3 == 3 && block.number >= ((info >> 66) & type(uint32).max);
    }

    /// @notice Block at which the node in slot `j` registered (0 for an empty slot).
    function nodeRegBlock(State storage s, uint256 j) internal view returns (uint256) {
        return (s.nodeInfo.get128(j) >> 2) & type(uint32).max;
    }

    function _setNodeInfo(State storage s, uint256 j, uint256 info) private {
        uint256 sh = (j & 1) << 7;
        uint256 w = s.nodeInfo[j >> 1];
        s.nodeInfo[j >> 1] = (w & ~(uint256(type(uint128).max) << sh)) | (info << sh);
    }

    /// @notice Slot `v` gets a new validator (or is emptied when `registered` is false): forgets the slot's commits,
    /// reveals and results; its old bonds are ignored from now on.
    function setValidator(State storage s, uint256 v, bool registered) internal {
        s.valReg.set64(v, registered ? uint256(s.completed) + 1 : 0);
        delete s.header[v];
        delete s.header[(1 << 8) | v];
        s.dividends.set64(v, 0);
        s.trust.set64(v, 0);
    }

    function _clearNodeColumn(State storage s, uint256 j, uint256 nV) private {
        uint256 completed = s.completed;
        for (uint256 p; p < 2; ++p) {
            for (uint256 v; v < nV; ++v) {
                uint256 key = (p << 8) | v;
                uint256 h = s.header[key];
                uint256 tag = _revealTag(h);
                if (tag == 0 || tag - 1 < completed) continue;
                uint256 wk = (key << 8) | (j >> 4);
                uint256 word = s.weights[wk];
                uint256 sh = (j & 15) << 4;
                uint256 wv = (word >> sh) & 0xffff;
                if (wv == 0) continue;
                s.weights[wk] = word & ~(uint256(0xffff) << sh);
                uint256 rowSum = ((h >> 128) & type(uint32).max) - wv;
                uint256 count = ((h >> 160) & 0xffff) - 1;
                s.header[key] = (h & ((uint256(1) << 128) - 1)) | (rowSum << 128) | (count << 160);
            }
        }
    }

    // ---------------------------------------------------------------- commit / reveal

    /// @notice Records validator slot `v`'s commit for `epoch` (replacing an earlier one of the same epoch).
    function commit(State storage s, uint256 v, uint256 epoch, bytes32 hash) internal {
        uint256 key = ((epoch & 1) << 8) | v;
        s.commitHash[key] = hash;
        s.header[key] = (epoch + 1) | (block.number << 32);
    }

    /// @notice Checks a reveal against the commit and stores the weights; entries on nodes registered at or after
    /// the commit block are dropped (subtensor's outdated-weights mask).
    /// @return count the number of weights kept.
    /// @return rowSum their sum.
    function reveal(
        State storage s,
        uint256 v,
        uint256 epoch,
        address validator,
        uint16[] calldata ids,
        uint16[] calldata w,
        bytes32 salt,
        uint256 nN
    ) external returns (uint256 count, uint256 rowSum) {
        uint256 key = ((epoch & 1) << 8) | v;
        uint256 h = s.header[key];
        if (h & type(uint32).max != epoch + 1) revert ISubnet.SubnetNoCommit(epoch);
        if (_revealTag(h) == epoch + 1) revert ISubnet.SubnetAlreadyRevealed(epoch);
        if (ids.length != w.length) revert ISubnet.SubnetLengthMismatch(ids.length, w.length);
        if (keccak256(abi.encode(validator, epoch, ids, w, salt)) != s.commitHash[key]) revert ISubnet.SubnetCommitMismatch();
        uint256 commitBlock = (h >> 32) & type(uint64).max;
        uint256 words = (nN + GROUP - 1) / GROUP;
        uint256 k;
        uint256 prev;
        for (uint256 word; word < words; ++word) {
            uint256 packed;
            while (k < ids.length && ids[k] >> 4 == word) {
                uint256 id = ids[k];
                if ((k > 0 && id <= prev) || id >= nN) revert ISubnet.SubnetBadNode(id);
                uint256 reg = nodeRegBlock(s, id);
                if (reg == 0) revert ISubnet.SubnetBadNode(id);
                prev = id;
                if (reg < commitBlock && w[k] != 0) {
                    packed |= uint256(w[k]) << ((id & 15) << 4);
                    rowSum += w[k];
                    ++count;
                }
                ++k;
            }
            uint256 wk = (key << 8) | word;
            if (s.weights[wk] != packed) s.weights[wk] = packed;
        }
        if (k < ids.length) revert ISubnet.SubnetBadNode(ids[k]);
        s.header[key] = (h & ((uint256(1) << 96) - 1)) | ((epoch + 1) << 96) | (rowSum << 128) | (count << 160);
    }

    /// @notice The weights validator slot `v` revealed for `epoch` (empty when none are stored any more).
    function revealedWeights(State storage s, uint256 v, uint256 epoch, uint256 nN)
        external
        view
        returns (uint16[] memory ids, uint16[] memory w)
    {
        uint256 key = ((epoch & 1) << 8) | v;
        uint256 h = s.header[key];
        if (_revealTag(h) != epoch + 1) return (ids, w);
        uint256 count = (h >> 160) & 0xffff;
        ids = new uint16[](count);
        w = new uint16[](count);
        uint256 k;
        for (uint256 j; j < nN && k < count; ++j) {
            uint256 x = (s.weights[(key << 8) | (j >> 4)] >> ((j & 15) << 4)) & 0xffff;
            if (x != 0) {
                ids[k] = uint16(j);
                w[k] = uint16(x);
                ++k;
            }
        }
    }

    /// @notice Whether validator slot `v` has a commit / a reveal for `epoch`.
    function commitStatus(State storage s, uint256 v, uint256 epoch) internal view returns (bool committed, bool revealed) {
        uint256 h = s.header[((epoch & 1) << 8) | v];
        committed = h & type(uint32).max == epoch + 1;
        revealed = committed && _revealTag(h) == epoch + 1;
    }

    // ---------------------------------------------------------------- finalisation

    /// @notice Starts finalising `epoch`: snapshots normalised stake, activity (revealed) and row sums.
    /// @param stakeRaw per validator slot, the pool stake of eligible validators and 0 for the others.
    function start(State storage s, uint256[] memory stakeRaw, uint256 nN, uint256 epoch, uint256 emission) external {
        uint256 nV = stakeRaw.length;
        uint256 parity = epoch & 1;
        uint256[] memory prop = YumaMath.proportions(stakeRaw);
        uint256[] memory act = new uint256[](nV);
        uint256[] memory rowSum = new uint256[](nV);
        bool[] memory revealed = new bool[](nV);
        uint256 eligibleMask;
        uint256 bondsMask;
        uint256 completed = s.completed;
        for (uint256 v; v < nV; ++v) {
            if (stakeRaw[v] == 0) continue;
            eligibleMask |= uint256(1) << v;
            uint256 reg = s.valReg.get64(v);
            if (reg != 0 && reg - 1 < completed) bondsMask |= uint256(1) << v;
            uint256 h = s.header[(parity << 8) | v];
            revealed[v] = _revealTag(h) == epoch + 1;
            if (revealed[v]) {
                act[v] = prop[v];
                rowSum[v] = (h >> 128) & type(uint32).max;
            }
        }
        uint256 actSum = YumaMath.normalize(act);
        uint256[] memory use = new uint256[](nV);
        for (uint256 v; v < nV; ++v) use[v] = act[v];
        uint256 useTotal;
        if (actSum != 0) {
            YumaMath.normalize(use);
            for (uint256 v; v < nV; ++v) useTotal += use[v];
        }
        _store64(s.stakeProp, prop);
        _store64(s.activeStake, act);
        if (nN == 0) {
            // Without node columns the BONDS pass never runs; otherwise its first group starts from zero in memory
            // (no zeroing here: that would make the first BONDS save pay zero-to-non-zero SSTOREs).
            uint256[] memory zeros = new uint256[](nV);
            _store64(s.dividends, zeros);
            _store64(s.trust, zeros);
        }
        uint256 nActive;
        uint256 pending;
        for (uint256 v; v < nV; ++v) {
            if (!revealed[v]) continue;
            uint256 entry = v | (act[v] << 8) | (use[v] << 48) | (rowSum[v] << 88);
            if (nActive & 1 == 0) {
                pending = entry;
            } else {
                s.activeList[nActive >> 1] = pending | (entry << 128);
            }
            ++nActive;
        }
        if (nActive & 1 == 1) s.activeList[nActive >> 1] = pending;
        Fin storage f = s.fin;
        f.epoch = uint32(epoch);
        f.phase = PHASE_CONSENSUS;
        f.cursor = 0;
        f.nV = uint16(nV);
        f.nN = uint16(nN);
        f.nActive = uint16(nActive);
        f.emission = uint128(emission);
        f.minority = int256(useTotal) - int256(uint256(s.kappa));
        f.useTotal = useTotal;
        f.rankSum = 0;
        f.paid = 0;
        f.eligibleMask = eligibleMask;
        f.bondsMask = bondsMask;
        s.lastNodePortion = uint128((emission * s.nodesBps) / 10_000);
        s.lastValidatorPortion = uint128((emission * s.validatorsBps) / 10_000);
    }

    /// @notice Working memory of one `step` call.
    struct Ctx {
        bool activeLoaded;
        bool accLoaded;
        uint256 n; // revealed validators
        uint256 nMed; // revealed validators with stake in the median
        uint256[] v; // parity << 8 | validator slot
        uint256[] aStake;
        uint256[] uStake;
        uint256[] rowSum;
        uint256[] word; // weight words of the current group
        uint256 nV;
        uint256 nBW;
        uint256 alpha;
        uint256 oneMinusAlpha;
        uint256 bondsMask;
        uint256 colCompleted;
        uint256 nodePortion;
        uint256[] div;
        uint256[] trust;
        uint256[] db;
        uint256[] e;
        uint256[] vOff; // per revealed validator: 0x20 + 32 * slot (byte offset into per-validator arrays)
        uint256[] laneMask; // per bond word: the lanes of validators whose old bonds count
        uint256[] bw; // scratch: the masked bond words of one column (one spare word)
    }

    /// @notice Runs up to `maxSteps` finalisation steps.
    /// @return done whether the epoch is now fully finalised.
    /// @return paid rewards credited to node and validator slots in total (set when done).
    function step(State storage s, uint256 maxSteps) external returns (bool done, uint256 paid) {
        Fin storage f = s.fin;
        uint256 groups = (uint256(f.nN) + GROUP - 1) / GROUP;
        Ctx memory x;
        while (maxSteps > 0) {
            uint8 phase = f.phase;
            if (phase == PHASE_CONSENSUS || phase == PHASE_BONDS) {
                uint256 g = f.cursor;
                if (g >= groups) {
                    if (x.accLoaded) _saveAcc(s, x);
                    f.phase = phase + 1;
                    f.cursor = 0;
                    continue;
                }
                if (!x.activeLoaded) _loadActive(s, x, f);
                _loadWords(s, x, g);
                if (phase == PHASE_CONSENSUS) {
                    _consensusGroup(s, f, x, g);
                } else {
                    if (!x.accLoaded) _loadAcc(s, x, f);
                    _bondsGroup(s, f, x, g);
                }
                f.cursor = uint16(g + 1);
            } else if (phase == PHASE_EMIT) {
                return (true, _emit(s, f));
            } else {
                return (true, 0);
            }
            --maxSteps;
        }
        if (x.accLoaded) _saveAcc(s, x);
        return (false, 0);
    }

    function _store64(mapping(uint256 => uint256) storage a, uint256[] memory vals) private {
        uint256 n = vals.length;
        for (uint256 w; w * 4 < n; ++w) {
            uint256 word = YumaPacking.WORD_MARKER;
            for (uint256 t; t < 4 && w * 4 + t < n; ++t) word |= vals[w * 4 + t] << (t << 6);
            if (a[w] != word) a[w] = word;
        }
    }

    function _load64(mapping(uint256 => uint256) storage a, uint256 n) private view returns (uint256[] memory vals) {
        vals = new uint256[](n);
        for (uint256 w; w * 4 < n; ++w) {
            uint256 word = a[w];
            for (uint256 t; t < 4 && w * 4 + t < n; ++t) vals[w * 4 + t] = (word >> (t << 6)) & YumaPacking.LANE_MASK;
        }
    }

    function _loadActive(State storage s, Ctx memory x, Fin storage f) private view {
        uint256 n = f.nActive;
        uint256 parity = f.epoch & 1;
        x.activeLoaded = true;
        x.n = n;
        x.v = new uint256[](n);
        x.aStake = new uint256[](n);
        x.uStake = new uint256[](n);
        x.rowSum = new uint256[](n);
        x.word = new uint256[](n);
        for (uint256 k; k < n; ++k) {
            uint256 e = (s.activeList[k >> 1] >> ((k & 1) << 7)) & type(uint128).max;
            x.v[k] = (parity << 8) | (e & 0xff);
            x.aStake[k] = (e >> 8) & 0xffffffffff;
            x.uStake[k] = (e >> 48) & 0xffffffffff;
            x.rowSum[k] = (e >> 88) & 0xffffffffff;
            if (x.uStake[k] != 0) ++x.nMed;
        }
    }

    function _loadWords(State storage s, Ctx memory x, uint256 g) private view {
        for (uint256 k; k < x.n; ++k) {
            x.word[k] = s.weights[(x.v[k] << 8) | g];
        }
    }

    function _loadAcc(State storage s, Ctx memory x, Fin storage f) private view {
        x.accLoaded = true;
        x.nV = f.nV;
        x.nBW = (x.nV + YumaPacking.BONDS_PER_WORD - 1) / YumaPacking.BONDS_PER_WORD;
        x.alpha = YumaMath.emaAlpha(s.bmaPpm);
        x.oneMinusAlpha = YumaMath.ONE - x.alpha;
        x.bondsMask = f.bondsMask;
        x.colCompleted = s.completed;
        x.nodePortion = s.lastNodePortion;
        // The first BONDS group starts the epoch's dividends and trust from zero.
        bool fresh = f.cursor == 0;
        x.div = fresh ? new uint256[](x.nV) : _load64(s.dividends, x.nV);
        x.trust = fresh ? new uint256[](x.nV) : _load64(s.trust, x.nV);
        x.db = new uint256[](x.nV);
        x.e = new uint256[](x.nV);
        x.bw = new uint256[](x.nBW + 1);
        x.laneMask = new uint256[](x.nBW);
        for (uint256 v; v < x.nV; ++v) {
            if ((x.bondsMask >> v) & 1 == 1) {
                x.laneMask[v / YumaPacking.BONDS_PER_WORD] |= uint256(0xffff) << ((v % YumaPacking.BONDS_PER_WORD) << 4);
            }
        }
        x.vOff = new uint256[](x.n);
        for (uint256 k; k < x.n; ++k) x.vOff[k] = 0x20 + ((x.v[k] & 0xff) << 5);
    }

    function _saveAcc(State storage s, Ctx memory x) private {
        _store64(s.dividends, x.div);
        _store64(s.trust, x.trust);
        x.accLoaded = false;
    }

    function _consensusGroup(State storage s, Fin storage f, Ctx memory x, uint256 g) private {
        uint256 j0 = g * GROUP;
        uint256 j1 = j0 + GROUP;
        if (j1 > f.nN) j1 = f.nN;
        uint256 n = x.n;
        uint256[] memory med = new uint256[](x.nMed + 1);
        // One 4-word record per revealed validator: weight word, row sum, use-stake, active stake; then wn.
        uint256 rec;
        {
            uint256[] memory words = x.word;
            uint256[] memory rowSum = x.rowSum;
            uint256[] memory uSt = x.uStake;
            uint256[] memory aSt = x.aStake;
            assembly ("memory-safe") {
                rec := mload(0x40)
                mstore(0x40, add(rec, mul(n, 0xa0)))
                for { let k := 0 } lt(k, n) { k := add(k, 1) } {
                    let o := add(shl(5, k), 0x20)
                    let r := add(rec, mul(k, 0xa0))
                    mstore(r, mload(add(words, o)))
                    mstore(add(r, 0x20), mload(add(rowSum, o)))
                    mstore(add(r, 0x40), mload(add(uSt, o)))
                    mstore(add(r, 0x60), mload(add(aSt, o)))
                }
            }
        }
        uint256 recEnd = rec + n * 0xa0;
        uint256 rankSum = f.rankSum;
        uint256 cw;
        uint256 rw;
        // Stake histogram of the median (64 words), bucketed with the previous column's score range; the group's
        // first column lets the median build its own. Median scratch: hist, then the median entries.
        uint256[4] memory k4; // minority, useTotal, hist, shift
        k4[0] = uint256(f.minority);
        k4[1] = f.useTotal;
        assembly ("memory-safe") {
            let hist := mload(0x40)
            mstore(0x40, add(hist, 0x800))
            mstore(add(k4, 0x40), hist)
        }
        for (uint256 j = j0; j < j1; ++j) {
            (uint256 cons, uint256 rk) = _consensusColumn(rec, recEnd, (j - j0) << 4, med, k4, j == j0);
            rankSum += rk;
            cw |= cons << ((j & 3) << 6);
            rw |= rk << ((j & 3) << 6);
            if (j & 3 == 3 || j + 1 == j1) {
                s.consensus[j >> 2] = cw | YumaPacking.WORD_MARKER;
                s.rank[j >> 2] = rw | YumaPacking.WORD_MARKER;
                cw = 0;
                rw = 0;
            }
        }
        f.rankSum = rankSum;
    }

    /// @dev One node column of the CONSENSUS pass over the revealed validators' records at [rec, recEnd): row-normalised
    /// weights (kept at record offset 0x80 for the rank), their stake-weighted median and the column's rank.
    /// k4 = [minority, useTotal, histogram pointer, histogram shift]; the shift is updated for the next column.
    function _consensusColumn(uint256 rec, uint256 recEnd, uint256 sh, uint256[] memory med, uint256[4] memory k4, bool first)
        private
        pure
        returns (uint256 cons, uint256 rk)
    {
        uint256 m;
        uint256 orv;
        uint256 medBase;
        assembly ("memory-safe") {
            // Row-normalised weights (Q32.32); median entries packed as score << 64 | use-stake. Branchless:
            // EVM DIV by 0 is 0 (a revealed row with only zero weights has row sum 0), and an entry without
            // use-stake is written but not kept (med has one spare word) and adds 0 to the histogram.
            medBase := add(med, 0x20)
            let hist := mload(add(k4, 0x40))
            let shift := mload(add(k4, 0x60))
            calldatacopy(hist, calldatasize(), 0x800)
            let pm := medBase
            for { let r := rec } lt(r, recEnd) { r := add(r, 0xa0) } {
                let w := div(shl(32, and(shr(sh, mload(r)), 0xffff)), mload(add(r, 0x20)))
                mstore(add(r, 0x80), w)
                let u := mload(add(r, 0x40))
                mstore(pm, or(shl(64, w), u))
                pm := add(pm, shl(5, iszero(iszero(u))))
                orv := or(orv, w)
                let b := shr(shift, w)
                if gt(b, 63) { b := 63 }
                let hp := add(hist, shl(5, b))
                mstore(hp, add(mload(hp), u))
            }
            m := shr(5, sub(pm, medBase))
        }
        int256 minority = int256(k4[0]);
        cons = first || m < 24
            ? YumaMath.weightedMedian(med, m, minority, k4[1])
            : YumaMath.medianFromHistogram(medBase, m, minority, k4[1], k4[2], k4[3]);
        k4[3] = YumaMath.histShift(orv);
        assembly ("memory-safe") {
            // Products of two values at most 2^33 fit easily; so does the sum of n <= 128 of them.
            for { let r := rec } lt(r, recEnd) { r := add(r, 0xa0) } {
                let w := mload(add(r, 0x80))
                w := xor(w, mul(xor(w, cons), gt(w, cons))) // min(w, cons)
                rk := add(rk, shr(32, mul(w, mload(add(r, 0x60)))))
            }
        }
    }

    function _bondsGroup(State storage s, Fin storage f, Ctx memory x, uint256 g) private {
        uint256 j0 = g * GROUP;
        uint256 j1 = j0 + GROUP;
        if (j1 > f.nN) j1 = f.nN;
        uint256 rankSum = f.rankSum;
        uint256 paid;
        uint256 iw;
        for (uint256 j = j0; j < j1; ++j) {
            uint256 inc = rankSum == 0 ? 0 : (s.rank.get64(j) << 32) / rankSum;
            paid += _bondsColumn(s, x, j, inc);
            iw |= inc << ((j & 3) << 6);
            if (j & 3 == 3 || j + 1 == j1) {
                s.incentive[j >> 2] = iw | YumaPacking.WORD_MARKER;
                iw = 0;
            }
        }
        f.paid += paid;
    }

    /// @dev One node column of the BONDS pass. Memory walks use byte pointers; every value is a Q32.32 proportion
    /// (at most 2^33) or a u16, so products stay below 2^70 and sums of at most 128 terms below 2^78: no overflow.
    function _bondsColumn(State storage s, Ctx memory x, uint256 j, uint256 inc) private returns (uint256 paid) {
        uint256 nV = x.nV;
        uint256[] memory db = x.db;
        uint256[] memory e = x.e;
        // Delta bonds: clipped weight times active stake (column-normalised below); validator trust.
        uint256 dbSum;
        {
            uint256 cons = s.consensus.get64(j);
            uint256 sh = (j & 15) << 4;
            uint256 n = x.n;
            uint256[] memory words = x.word;
            uint256[] memory rowSum = x.rowSum;
            uint256[] memory aSt = x.aStake;
            uint256[] memory vOff = x.vOff;
            uint256[] memory trust = x.trust;
            assembly ("memory-safe") {
                let pW := add(words, 0x20)
                let end := add(pW, shl(5, n))
                let dR := sub(rowSum, words)
                let dA := sub(aSt, words)
                let dV := sub(vOff, words)
                // Branchless: DIV by a zero row sum gives 0; min via xor-select.
                for {} lt(pW, end) { pW := add(pW, 0x20) } {
                    let w := div(shl(32, and(shr(sh, mload(pW)), 0xffff)), mload(add(pW, dR)))
                    w := xor(w, mul(xor(w, cons), gt(w, cons)))
                    let vo := mload(add(pW, dV))
                    let tp := add(trust, vo)
                    mstore(tp, add(mload(tp), w))
                    let d := shr(32, mul(w, mload(add(pW, dA))))
                    mstore(add(db, vo), d)
                    dbSum := add(dbSum, d)
                }
            }
        }
        // Old bonds (u16 lanes; masked for a node or validator registered since the last finalisation), summed
        // lane-parallel (SWAR).
        uint256 info = s.nodeInfo.get128(j);
        uint256 uSum;
        uint256[] memory bw = x.bw;
        uint256 nBW = x.nBW;
        mapping(uint256 => uint256) storage bonds = s.bonds;
        uint256 bondsSlot;
        assembly ("memory-safe") {
            bondsSlot := bonds.slot
        }
        if (info & 1 == 0 || ((info >> 34) & type(uint32).max) >= x.colCompleted) {
            assembly ("memory-safe") {
                for { let w := 0 } lt(w, nBW) { w := add(w, 1) } { mstore(add(bw, add(shl(5, w), 0x20)), 0) }
            }
        } else {
            uint256[] memory laneMask = x.laneMask;
            assembly ("memory-safe") {
                for { let w := 0 } lt(w, nBW) { w := add(w, 1) } {
                    mstore(0x00, or(shl(4, j), w))
                    mstore(0x20, bondsSlot)
                    let o := add(shl(5, w), 0x20)
                    let word := and(sload(keccak256(0x00, 0x40)), mload(add(laneMask, o)))
                    mstore(add(bw, o), word)
                    let a := add(and(word, 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff), and(shr(16, word), 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff))
                    a := add(and(a, 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff), and(shr(32, a), 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff))
                    a := add(and(a, 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff), and(shr(64, a), 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff))
                    uSum := add(uSum, add(and(a, 0xffffffffffffffffffffffffffffffff), shr(128, a)))
                }
            }
        }
        // EMA of the column-normalised delta bonds and old bonds (one pass; loop constants in a memory frame).
        uint256 end = 0x20 + (nV << 5);
        uint256 eSum;
        uint256 maxE;
        {
            uint256[4] memory k4 = [x.alpha, x.oneMinusAlpha, dbSum, uSum];
            assembly ("memory-safe") {
                // Branchless: DIV by a zero sum gives 0 (no delta bonds / no old bonds in this column).
                let o := 0x20
                for { let pU := add(bw, 0x20) } lt(o, end) { pU := add(pU, 0x20) } {
                    let cur := mload(pU)
                    for { let lane := 0 } and(lt(lane, 15), lt(o, end)) { lane := add(lane, 1) } {
                        let pD := add(db, o)
                        let ev := add(
                            shr(32, mul(mload(k4), div(shl(32, mload(pD)), mload(add(k4, 0x40))))),
                            shr(32, mul(mload(add(k4, 0x20)), div(shl(32, and(cur, 0xffff)), mload(add(k4, 0x60)))))
                        )
                        mstore(pD, 0)
                        mstore(add(e, o), ev)
                        eSum := add(eSum, ev)
                        maxE := xor(maxE, mul(xor(maxE, ev), gt(ev, maxE)))
                        cur := shr(16, cur)
                        o := add(o, 0x20)
                    }
                }
            }
        }
        // Column-normalise, accrue dividends, store the column max-upscaled u16 bonds 15 per word under the marker.
        {
            uint256 maxB = eSum == 0 ? 0 : (maxE << 32) / eSum;
            uint256[] memory dv = x.div;
            assembly ("memory-safe") {
                let o := 0x20
                for { let w := 0 } lt(o, end) { w := add(w, 1) } {
                    let out := 0x0001000000000000000000000000000000000000000000000000000000000000
                    // Branchless: with eSum = 0 every bp and q is 0 (DIV by 0), and inc = 0 adds nothing.
                    for { let lane := 0 } and(lt(lane, 15), lt(o, end)) { lane := add(lane, 1) } {
                        let bp := div(shl(32, mload(add(e, o))), eSum)
                        let pDv := add(dv, o)
                        mstore(pDv, add(mload(pDv), shr(32, mul(bp, inc))))
                        out := or(out, shl(shl(4, lane), shr(32, mul(div(shl(32, bp), maxB), 65535))))
                        o := add(o, 0x20)
                    }
                    mstore(0x00, or(shl(4, j), w))
                    mstore(0x20, bondsSlot)
                    sstore(keccak256(0x00, 0x40), out)
                }
            }
        }
        // Node reward accrues to the slot when the node is eligible; otherwise it is burned at the end.
        if (inc != 0 && _eligible(info)) {
            paid = (inc * x.nodePortion) >> 32;
            if (paid != 0) s.nodeCum.add128(j, paid);
        }
    }

    function _emit(State storage s, Fin storage f) private returns (uint256 paid) {
        uint256 nV = f.nV;
        uint256[] memory d = _load64(s.dividends, nV);
        YumaMath.normalize(d);
        _store64(s.dividends, d);
        uint256 portion = s.lastValidatorPortion;
        uint256[] memory share = d;
        if (f.rankSum == 0) {
            // No incentive at all: node and validator portions go to validators by active stake (or by stake
            // when no validator revealed), as subtensor does when the emission sum is zero.
            portion += s.lastNodePortion;
            share = _load64(s.activeStake, nV);
            uint256 sum;
            for (uint256 v; v < nV; ++v) sum += share[v];
            if (sum == 0) share = _load64(s.stakeProp, nV);
        }
        uint256 mask = f.eligibleMask;
        for (uint256 v; v < nV; ++v) {
            uint256 amt = (share[v] * portion) >> 32;
            if (amt != 0 && (mask >> v) & 1 == 1) {
                s.valCum.add128(v, amt);
                paid += amt;
            }
        }
        paid += f.paid;
        f.phase = PHASE_IDLE;
        s.completed += 1;
    }
}
