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
/// one COLUMNS step per group of 16 node columns (weighted median, clip, rank, EMA bonds, dividends: one read of each
/// weight word), one REWARDS step per 64 node columns (incentive, node rewards), and EMIT (normalise dividends,
/// validator rewards). Departure from subtensor: dividends accrue bonds times rank instead of bonds times incentive
/// (incentive = rank / rank sum needs every column first); EMIT normalises them, so they differ only in rounding.
/// The TypeScript reference in client/subnet/ computes the same integers.
library YumaEpoch {
    using YumaPacking for mapping(uint256 => uint256);

    /// @notice Hard limits of the packed layouts.
    uint256 internal constant MAX_VALIDATORS = 128;
    uint256 internal constant MAX_NODES = 1024;
    /// @notice Node columns per weights word and per COLUMNS step.
    uint256 internal constant GROUP = 16;

    uint8 internal constant PHASE_IDLE = 0;
    uint8 internal constant PHASE_COLUMNS = 1;
    uint8 internal constant PHASE_REWARDS = 2;
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
        mapping(uint256 => uint256) bonds; // key: j << 4 | word; 16 u16 per word, stored XOR its slot (bondMask)
        mapping(uint256 => uint256) nodeInfo; // uint128 x2: exists(1) staked(1) regBlock(32) regCompleted(32) jailedUntil(32)
        mapping(uint256 => uint256) valReg; // uint64 x4: completed-at-registration + 1, 0 = empty slot
        mapping(uint256 => uint256) activeList; // uint128 x2: v(8) aStake(40) uStake(40) rowSum(32); bit 255 marker
        mapping(uint256 => uint256) consensus; // uint64 x4 per node
        mapping(uint256 => uint256) rank; // uint64 x4 per node: rank, bit 62 set when the node is eligible
        mapping(uint256 => uint256) incentive; // uint64 x4 per node
        mapping(uint256 => uint256) dividends; // uint64 x4 per validator
        mapping(uint256 => uint256) trust; // uint64 x4 per validator
        mapping(uint256 => uint256) stakeProp; // uint64 x4 per validator
        mapping(uint256 => uint256) activeStake; // uint64 x4 per validator
        mapping(uint256 => uint256) nodeCum; // uint128 x2 (127-bit values) cumulative node rewards per slot + marker
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
        // Pre-mark the node's bond words (zero bonds are stored as their mask) so that epochs only ever rewrite
        // non-zero words.
        for (uint256 w; w * YumaPacking.BONDS_PER_WORD < maxV; ++w) {
            uint256 k = (j << 4) | w;
            if (s.bonds[k] == 0) s.bonds[k] = YumaPacking.bondMask(s.bonds, k);
        }
        // Likewise pre-mark the slot's reward counter word (its first reward is then a non-zero rewrite).
        if (s.nodeCum[j >> 1] == 0) s.nodeCum[j >> 1] = YumaPacking.WORD_MARKER;
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
        // Pre-mark the active-list word this slot can occupy, so that epochs only rewrite non-zero words.
        if (registered && s.activeList[v >> 1] == 0) s.activeList[v >> 1] = YumaPacking.WORD_MARKER;
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
            // Without node columns the COLUMNS pass never runs; otherwise its first group starts from zero in memory
            // (no zeroing here: that would make the first save pay zero-to-non-zero SSTOREs).
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
                s.activeList[nActive >> 1] = pending | (entry << 128) | YumaPacking.WORD_MARKER;
            }
            ++nActive;
        }
        if (nActive & 1 == 1) s.activeList[nActive >> 1] = pending | YumaPacking.WORD_MARKER;
        Fin storage f = s.fin;
        f.epoch = uint32(epoch);
        f.phase = PHASE_COLUMNS;
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
        bool loaded;
        uint256 n; // revealed validators
        uint256 nMed; // revealed validators with stake in the median
        uint256 nV;
        uint256 nBW;
        uint256 alpha;
        uint256 oneMinusAlpha;
        uint256 colCompleted;
        uint256 slots; // memory: per validator slot (padded to nBW * 16) [alpha term, e, dividends, trust], 0x80 each
        uint256 recs; // memory: per revealed validator [weight word, row sum, use-stake, active stake, column value,
        // slot record pointer, parity << 8 | slot], REC bytes each
        uint256[] med; // median scratch (one spare word)
        uint256[] laneMask; // per bond word: the lanes of validators whose old bonds count
        uint256[] bw; // scratch: the masked bond words of one column (one spare word)
        uint256 hist; // memory: the median's stake histogram (64 words)
    }

    /// @notice Bytes per revealed-validator record of Ctx.recs.
    uint256 internal constant REC = 0xe0;
    /// @notice Flag in a rank lane: the node is eligible for its reward.
    uint256 internal constant ELIGIBLE_BIT = uint256(1) << 62;
    /// @notice Node columns per unit of the REWARDS pass.
    uint256 internal constant REWARD_COLUMNS = 64;

    /// @notice Gas budget of the steps of one `finalizeEpoch` call; with the START work and what the call does after
    /// the steps, a call stays below the 16.7M (2^24) transaction gas cap.
    uint256 internal constant STEP_BUDGET = 16_000_000;

    /// @notice Upper estimate of the gas of one step of `phase` with `n` revealed validators out of `nV` slots.
    /// Measured (64x256, dense weights): a COLUMNS group 1.79M (about 220k + 24.6k per revealed validator at 64
    /// slots), a REWARDS step 0.46M, EMIT 115k + 6k per slot, START 100k + 19k per slot.
    function _stepGas(uint256 phase, uint256 n, uint256 nV) private pure returns (uint256) {
        if (phase == PHASE_COLUMNS) return 150_000 + 16_000 * n + 15_000 * YumaPacking.BONDS_PER_WORD * ((nV + 15) / 16);
        if (phase == PHASE_REWARDS) return 600_000;
        return 200_000 + 8_000 * nV;
    }

    /// @notice Runs up to `maxSteps` finalisation steps, fewer when their estimated gas (`_stepGas`) would pass the
    /// call's budget (the first step always runs; the count does not depend on the gas given, so gas estimation
    /// works). A step is one group of 16 node columns of the COLUMNS pass (consensus, rank, EMA bonds and dividends
    /// per column: each weight word is read once per epoch), 64 node columns of the REWARDS pass (incentive and node
    /// rewards, which need the rank sum of every column), or EMIT.
    /// @param started whether this call ran `start` (its gas comes out of the budget).
    /// @return done whether the epoch is now fully finalised.
    /// @return paid rewards credited to node and validator slots in total (set when done).
    function step(State storage s, uint256 maxSteps, bool started) external returns (bool done, uint256 paid) {
        Fin storage f = s.fin;
        uint256 groups = (uint256(f.nN) + GROUP - 1) / GROUP;
        Ctx memory x;
        uint256 n = f.nActive;
        uint256 nV = f.nV;
        uint256 spent = 200_000 + 3_000 * nV + (started ? 150_000 + 25_000 * nV : 0);
        bool first = true;
        while (maxSteps > 0) {
            uint8 phase = f.phase;
            uint256 cost = _stepGas(phase, n, nV);
            if (!first && spent + cost > STEP_BUDGET) break;
            if (phase == PHASE_COLUMNS) {
                uint256 g = f.cursor;
                if (g >= groups) {
                    if (x.loaded) _saveAcc(s, x);
                    f.phase = PHASE_REWARDS;
                    f.cursor = 0;
                    continue;
                }
                if (!x.loaded) _load(s, x, f);
                _columnsGroup(s, f, x, g);
                f.cursor = uint16(g + 1);
            } else if (phase == PHASE_REWARDS) {
                uint256 j0 = uint256(f.cursor) * REWARD_COLUMNS;
                if (j0 >= f.nN) {
                    f.phase = PHASE_EMIT;
                    f.cursor = 0;
                    continue;
                }
                _rewards(s, f, j0);
                f.cursor += 1;
            } else if (phase == PHASE_EMIT) {
                return (true, _emit(s, f));
            } else {
                return (true, 0);
            }
            spent += cost;
            first = false;
            --maxSteps;
        }
        if (x.loaded) _saveAcc(s, x);
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

    /// @dev Loads the COLUMNS pass's working memory: the active list as records, the per-slot accumulators (the
    /// epoch's first group starts dividends and trust from zero), the bond lane masks and scratch.
    function _load(State storage s, Ctx memory x, Fin storage f) private view {
        x.loaded = true;
        uint256 n = f.nActive;
        uint256 nV = f.nV;
        x.n = n;
        x.nV = nV;
        x.nBW = (nV + YumaPacking.BONDS_PER_WORD - 1) / YumaPacking.BONDS_PER_WORD;
        x.alpha = YumaMath.emaAlpha(s.bmaPpm);
        x.oneMinusAlpha = YumaMath.ONE - x.alpha;
        x.colCompleted = s.completed;
        x.bw = new uint256[](x.nBW + 1);
        x.laneMask = new uint256[](x.nBW);
        uint256 bondsMask = f.bondsMask;
        for (uint256 v; v < nV; ++v) {
            if ((bondsMask >> v) & 1 == 1) {
                x.laneMask[v / YumaPacking.BONDS_PER_WORD] |= uint256(0xffff) << ((v % YumaPacking.BONDS_PER_WORD) << 4);
            }
        }
        uint256 nP = x.nBW * YumaPacking.BONDS_PER_WORD;
        uint256 slots;
        uint256 recs;
        uint256 hist;
        assembly ("memory-safe") {
            slots := mload(0x40)
            recs := add(slots, shl(7, nP))
            hist := add(recs, mul(n, REC))
            mstore(0x40, add(hist, 0x800))
            calldatacopy(slots, calldatasize(), shl(7, nP))
        }
        x.slots = slots;
        x.recs = recs;
        x.hist = hist;
        if (f.cursor != 0) {
            uint256[] memory dv = _load64(s.dividends, nV);
            uint256[] memory tr = _load64(s.trust, nV);
            for (uint256 v; v < nV; ++v) {
                uint256 sp = slots + (v << 7);
                uint256 d = dv[v];
                uint256 t = tr[v];
                assembly ("memory-safe") {
                    mstore(add(sp, 0x40), d)
                    mstore(add(sp, 0x60), t)
                }
            }
        }
        uint256 parity = f.epoch & 1;
        uint256 nMed;
        for (uint256 k; k < n; ++k) {
            uint256 e = (s.activeList[k >> 1] >> ((k & 1) << 7)) & type(uint128).max;
            uint256 r = recs + k * REC;
            uint256 a = (e >> 8) & 0xffffffffff;
            uint256 u = (e >> 48) & 0xffffffffff;
            uint256 rs = (e >> 88) & 0xffffffff; // row sums are below 2^27; bit 127 of lane 1 is the word marker
            uint256 sp = slots + ((e & 0xff) << 7);
            uint256 key = (parity << 8) | (e & 0xff);
            if (u != 0) ++nMed;
            assembly ("memory-safe") {
                mstore(add(r, 0x20), rs)
                mstore(add(r, 0x40), u)
                mstore(add(r, 0x60), a)
                mstore(add(r, 0xa0), sp)
                mstore(add(r, 0xc0), key)
            }
        }
        x.nMed = nMed;
        x.med = new uint256[](nMed + 1);
    }

    function _saveAcc(State storage s, Ctx memory x) private {
        uint256 nV = x.nV;
        uint256[] memory dv = new uint256[](nV);
        uint256[] memory tr = new uint256[](nV);
        uint256 slots = x.slots;
        for (uint256 v; v < nV; ++v) {
            uint256 sp = slots + (v << 7);
            uint256 d;
            uint256 t;
            assembly ("memory-safe") {
                d := mload(add(sp, 0x40))
                t := mload(add(sp, 0x60))
            }
            dv[v] = d;
            tr[v] = t;
        }
        _store64(s.dividends, dv);
        _store64(s.trust, tr);
        x.loaded = false;
    }

    /// @dev One group of node columns of the COLUMNS pass: loads each revealed validator's weight word of the group
    /// (the only time the epoch reads it), then per column the consensus, the rank and the bonds.
    function _columnsGroup(State storage s, Fin storage f, Ctx memory x, uint256 g) private {
        uint256 j0 = g * GROUP;
        uint256 j1 = j0 + GROUP;
        if (j1 > f.nN) j1 = f.nN;
        uint256 rec = x.recs;
        uint256 recEnd = rec + x.n * REC;
        {
            mapping(uint256 => uint256) storage weights = s.weights;
            assembly ("memory-safe") {
                // rec.word = weights[rec.key << 8 | g]
                mstore(0x20, weights.slot)
                for { let r := rec } lt(r, recEnd) { r := add(r, REC) } {
                    mstore(0x00, or(shl(8, mload(add(r, 0xc0))), g))
                    mstore(r, sload(keccak256(0x00, 0x40)))
                }
            }
        }
        uint256 rankSum = f.rankSum;
        uint256 cw;
        uint256 rw;
        // Stake histogram of the median (64 words), bucketed with the previous column's score range; the group's
        // first column lets the median build its own.
        uint256[4] memory k4; // minority, useTotal, hist, shift
        k4[0] = uint256(f.minority);
        k4[1] = f.useTotal;
        k4[2] = x.hist;
        for (uint256 j = j0; j < j1; ++j) {
            (uint256 cons, uint256 rk) = _consensusColumn(rec, recEnd, (j - j0) << 4, x.med, k4, j == j0);
            rankSum += rk;
            // The rank word's lanes also keep whether the node is eligible for its reward (bit 62; ranks are below
            // 2^34), so that the REWARDS pass does not read the node's info again.
            bool eligible = _bondsColumn(s, x, j, rk);
            cw |= cons << ((j & 3) << 6);
            rw |= (eligible ? rk | ELIGIBLE_BIT : rk) << ((j & 3) << 6);
            if (j & 3 == 3 || j + 1 == j1) {
                s.consensus[j >> 2] = cw | YumaPacking.WORD_MARKER;
                s.rank[j >> 2] = rw | YumaPacking.WORD_MARKER;
                cw = 0;
                rw = 0;
            }
        }
        f.rankSum = rankSum;
    }

    /// @dev One node column's consensus over the revealed validators' records at [rec, recEnd): row-normalised weights
    /// (kept at record offset 0x80), their stake-weighted median, then the clipped weight times active stake (which
    /// replaces the weight at 0x80: the column's delta bonds before normalising), validator trust (the clipped weight
    /// added at the slot record) and the column's rank (the sum of the products).
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
            // Row-normalised weights (Q32.32) kept at record offset 0x80; median entries packed as score << 64 |
            // use-stake; their stake histogram with shift t_; o = OR of the scores. Branchless: EVM DIV by 0 is 0 (a
            // revealed row with only zero weights has row sum 0), and an entry without use-stake is written but not
            // kept (med has one spare word) and adds 0 to the histogram. (Loops over the records are unrolled by two.)
            function norm(r_, e_, s_, p_, h_, t_) -> pmOut, o {
                // Never true (s_ <= 240); the recursive call only keeps the optimiser from inlining this loop into
                // its caller, whose live variables would otherwise be moved to memory inside the loop.
                if gt(s_, 0xffff) { pmOut, o := norm(r_, e_, 0, p_, h_, t_) leave }
                for {} lt(add(r_, REC), e_) { r_ := add(r_, mul(2, REC)) } {
                    {
                        let w := div(shl(32, and(shr(s_, mload(r_)), 0xffff)), mload(add(r_, 0x20)))
                        mstore(add(r_, 0x80), w)
                        let u := mload(add(r_, 0x40))
                        mstore(p_, or(shl(64, w), u))
                        p_ := add(p_, shl(5, iszero(iszero(u))))
                        o := or(o, w)
                        let b := shr(t_, w)
                        if gt(b, 63) { b := 63 }
                        b := add(h_, shl(5, b))
                        mstore(b, add(mload(b), u))
                    }
                    {
                        let q_ := add(r_, REC)
                        let w := div(shl(32, and(shr(s_, mload(q_)), 0xffff)), mload(add(q_, 0x20)))
                        mstore(add(q_, 0x80), w)
                        let u := mload(add(q_, 0x40))
                        mstore(p_, or(shl(64, w), u))
                        p_ := add(p_, shl(5, iszero(iszero(u))))
                        o := or(o, w)
                        let b := shr(t_, w)
                        if gt(b, 63) { b := 63 }
                        b := add(h_, shl(5, b))
                        mstore(b, add(mload(b), u))
                    }
                }
                if lt(r_, e_) {
                    let w := div(shl(32, and(shr(s_, mload(r_)), 0xffff)), mload(add(r_, 0x20)))
                    mstore(add(r_, 0x80), w)
                    let u := mload(add(r_, 0x40))
                    mstore(p_, or(shl(64, w), u))
                    p_ := add(p_, shl(5, iszero(iszero(u))))
                    o := or(o, w)
                    let b := shr(t_, w)
                    if gt(b, 63) { b := 63 }
                    b := add(h_, shl(5, b))
                    mstore(b, add(mload(b), u))
                }
                pmOut := p_
            }
            medBase := add(med, 0x20)
            let hist := mload(add(k4, 0x40))
            calldatacopy(hist, calldatasize(), 0x800)
            let pmEnd
            pmEnd, orv := norm(rec, recEnd, sh, medBase, hist, mload(add(k4, 0x60)))
            m := shr(5, sub(pmEnd, medBase))
        }
        int256 minority = int256(k4[0]);
        cons = first || m < 24
            ? YumaMath.weightedMedian(med, m, minority, k4[1])
            : YumaMath.medianFromHistogram(medBase, m, minority, k4[1], k4[2], k4[3]);
        k4[3] = YumaMath.histShift(orv);
        assembly ("memory-safe") {
            // Products of two values at most 2^33 fit easily; so does the sum of n <= 128 of them.
            function clip(r_, e_, c_) -> rk_ {
                for {} lt(add(r_, REC), e_) { r_ := add(r_, mul(2, REC)) } {
                    {
                        let w := mload(add(r_, 0x80))
                        w := xor(w, mul(xor(w, c_), gt(w, c_))) // min(w, cons)
                        let tp := add(mload(add(r_, 0xa0)), 0x60)
                        mstore(tp, add(mload(tp), w))
                        w := shr(32, mul(w, mload(add(r_, 0x60))))
                        mstore(add(r_, 0x80), w)
                        rk_ := add(rk_, w)
                    }
                    {
                        let q_ := add(r_, REC)
                        let w := mload(add(q_, 0x80))
                        w := xor(w, mul(xor(w, c_), gt(w, c_))) // min(w, cons)
                        let tp := add(mload(add(q_, 0xa0)), 0x60)
                        mstore(tp, add(mload(tp), w))
                        w := shr(32, mul(w, mload(add(q_, 0x60))))
                        mstore(add(q_, 0x80), w)
                        rk_ := add(rk_, w)
                    }
                }
                if lt(r_, e_) {
                    let w := mload(add(r_, 0x80))
                    w := xor(w, mul(xor(w, c_), gt(w, c_))) // min(w, cons)
                    let tp := add(mload(add(r_, 0xa0)), 0x60)
                    mstore(tp, add(mload(tp), w))
                    w := shr(32, mul(w, mload(add(r_, 0x60))))
                    mstore(add(r_, 0x80), w)
                    rk_ := add(rk_, w)
                }
            }
            rk := clip(rec, recEnd, cons)
        }
    }

    /// @dev One node column's bonds (`rk` its rank: also the sum of its delta bonds, which
    /// `_consensusColumn` left at record offset 0x80). Memory walks use byte pointers over the records of Ctx; every
    /// value is a Q32.32 proportion (at most 2^33) or a u16, so products stay below 2^70 and sums of at most 128
    /// terms below 2^78: no overflow. Branchless where a sum may be zero: EVM DIV by 0 gives 0, which is what the
    /// epoch defines for an empty column (no delta bonds / no old bonds / no EMA). Dividends accrue bonds times rank
    /// (not incentive, which needs the rank sum of every column; the two differ only by that sum, which the
    /// dividends' normalisation in EMIT removes).
    function _bondsColumn(State storage s, Ctx memory x, uint256 j, uint256 rk) private returns (bool eligible) {
        // Delta bonds column-normalised (by rk) and scaled by alpha into the slot record's alpha term.
        {
            uint256 r0 = x.recs;
            uint256 rEnd = r0 + x.n * REC;
            uint256 alpha = x.alpha;
            assembly ("memory-safe") {
                // (The recursive call never runs: it keeps the loop out of line, see `norm` in _consensusColumn.)
                function deltas(r_, e_, a_, d_) {
                    if iszero(e_) {
                        deltas(r_, 1, a_, d_)
                        leave
                    }
                    for {} lt(r_, e_) { r_ := add(r_, REC) } {
                        mstore(mload(add(r_, 0xa0)), shr(32, mul(a_, div(shl(32, mload(add(r_, 0x80))), d_))))
                    }
                }
                deltas(r0, rEnd, alpha, rk)
            }
        }
        // Old bonds (u16 lanes; masked for a node or validator registered since the last finalisation), summed
        // lane-parallel (SWAR).
        uint256 info = s.nodeInfo.get128(j);
        eligible = _eligible(info);
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
                    let slotW := keccak256(0x00, 0x40)
                    let word := and(xor(sload(slotW), slotW), mload(add(laneMask, o))) // stored XOR its slot (bondMask)
                    mstore(add(bw, o), word)
                    let a := add(and(word, 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff), and(shr(16, word), 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff))
                    a := add(and(a, 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff), and(shr(32, a), 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff))
                    a := add(and(a, 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff), and(shr(64, a), 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff))
                    uSum := add(uSum, add(and(a, 0xffffffffffffffffffffffffffffffff), shr(128, a)))
                }
            }
        }
        // EMA: alpha term plus (1 - alpha) times the column-normalised old bond, per slot (16 lanes per bond word,
        // unrolled); its sum and maximum.
        uint256 eSum;
        uint256 maxE;
        {
            uint256 oma0 = x.oneMinusAlpha;
            uint256 p0 = x.slots;
            assembly ("memory-safe") {
                function ema(p, bw_, nBW_, oma, uSum_) -> eSum_, maxE_ {
                    for { let wi := 0 } lt(wi, nBW_) { wi := add(wi, 1) } {
                        let cur := mload(add(bw_, add(0x20, shl(5, wi))))
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(0, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(16, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(32, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(48, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(64, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(80, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(96, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(112, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(128, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(144, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(160, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(176, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(192, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(208, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, and(shr(224, cur), 0xffff)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                        {
                            let ev := add(mload(p), shr(32, mul(oma, div(shl(32, shr(240, cur)), uSum_))))
                            mstore(p, 0)
                            mstore(add(p, 0x20), ev)
                            eSum_ := add(eSum_, ev)
                            if gt(ev, maxE_) { maxE_ := ev }
                            p := add(p, 0x80)
                        }
                    }
                }
                eSum, maxE := ema(p0, bw, nBW, oma0, uSum)
            }
        }
        // Column-normalise, accrue dividends, store the column max-upscaled u16 bonds 16 per word (XOR their slot).
        {
            uint256 maxB = eSum == 0 ? 0 : (maxE << 32) / eSum;
            uint256 p0 = x.slots;
            assembly ("memory-safe") {
                function out16(p, nBW_, eSum_, inc_, maxB_, key, slot) {
                    for { let wi := 0 } lt(wi, nBW_) { wi := add(wi, 1) } {
                        let out := 0
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(0, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(16, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(32, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(48, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(64, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(80, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(96, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(112, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(128, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(144, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(160, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(176, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(192, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(208, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(224, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        {
                            let bp := div(shl(32, mload(add(p, 0x20))), eSum_)
                            let dp := add(p, 0x40)
                            mstore(dp, add(mload(dp), shr(32, mul(bp, inc_))))
                            out := or(out, shl(240, shr(32, mul(div(shl(32, bp), maxB_), 65535))))
                            p := add(p, 0x80)
                        }
                        mstore(0x00, or(key, wi))
                        mstore(0x20, slot)
                        let slotW := keccak256(0x00, 0x40)
                        sstore(slotW, xor(out, slotW))
                    }
                }
                out16(p0, nBW, eSum, rk, maxB, shl(4, j), bondsSlot)
            }
        }
    }

    /// @dev One unit of the REWARDS pass: the incentive (rank over the rank sum) of up to REWARD_COLUMNS node columns
    /// from `j0`, and the rewards of the eligible nodes among them (the others' rewards are burned at the end).
    function _rewards(State storage s, Fin storage f, uint256 j0) private {
        uint256 j1 = j0 + REWARD_COLUMNS;
        if (j1 > f.nN) j1 = f.nN;
        uint256 rankSum = f.rankSum;
        uint256 nodePortion = s.lastNodePortion;
        uint256 paid;
        uint256 rw;
        uint256 iw;
        for (uint256 j = j0; j < j1; ++j) {
            if (j & 3 == 0) rw = s.rank[j >> 2];
            uint256 lane = (rw >> ((j & 3) << 6)) & YumaPacking.LANE_MASK;
            uint256 inc = rankSum == 0 ? 0 : ((lane & (ELIGIBLE_BIT - 1)) << 32) / rankSum;
            iw |= inc << ((j & 3) << 6);
            if (j & 3 == 3 || j + 1 == j1) {
                s.incentive[j >> 2] = iw | YumaPacking.WORD_MARKER;
                iw = 0;
            }
            if (inc != 0 && lane & ELIGIBLE_BIT != 0) {
                uint256 amt = (inc * nodePortion) >> 32;
                if (amt != 0) {
                    s.nodeCum.add128(j, amt);
                    paid += amt;
                }
            }
        }
        f.paid += paid;
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
