// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {INodeAuthority} from "./interfaces/INodeAuthority.sol";
import {ISlashable} from "./interfaces/ISlashable.sol";
import {ISubnet} from "./interfaces/ISubnet.sol";
import {IVeritensorToken} from "./interfaces/IVeritensorToken.sol";
import {StakeMath} from "./libraries/StakeMath.sol";
import {YumaEpoch} from "./libraries/YumaEpoch.sol";
import {YumaPacking} from "./libraries/YumaPacking.sol";
import {SubnetViews} from "./SubnetViews.sol";

/// @title Subnet
/// @notice Staking, delegation, weights and Yuma epochs of the Veritensor subnet. See ISubnet.
/// @dev The epoch math lives in the linked library YumaEpoch (deploy it first and link it). Rewards accrue lazily:
/// the epoch adds each slot's reward to a cumulative counter; a pool folds the counter's growth into its
/// reward-per-share (after the operator take) whenever it is touched, so no loop ever runs over delegators.
contract Subnet is ISubnet, AccessControl, ReentrancyGuard {
    using SafeERC20 for IVeritensorToken;
    using YumaPacking for mapping(uint256 => uint256);

    /// @notice Role of the disputes contract (Challenges), allowed to slash.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    uint8 internal constant KIND_NODE = 1;
    uint8 internal constant KIND_VALIDATOR = 2;

    /// @notice Pool of one operator.
    struct Pool {
        uint8 kind;
        bool registered;
        uint16 slot;
        uint16 take;
        uint64 takeChangedBlock;
        uint64 jailedUntil;
        uint64 registeredBlock;
        uint128 stake;
        uint128 shares;
        uint128 unbondingStake;
        uint128 unbondingShares;
        uint128 lastCum;
        uint128 commission;
        uint256 acc;
    }

    /// @notice A delegator's position in a pool.
    struct Position {
        uint128 shares;
        uint128 owed;
        uint256 debt;
    }

    /// @notice An unbonding entry (shares of the pool's unbonding sub-pool).
    struct Unbond {
        uint128 shares;
        uint64 releaseBlock;
    }

    /// @notice The staking token.
    IVeritensorToken public immutable token;
    /// @notice First block of epoch 0.
    uint256 public immutable genesisBlock;

    Params internal _params;
    address internal _ownerRecipient;
    YumaEpoch.State internal _yuma;

    mapping(address operator => Pool) internal _pools;
    mapping(address operator => mapping(address delegator => Position)) internal _positions;
    mapping(address operator => mapping(address delegator => Unbond[])) internal _unbonds;
    mapping(address operator => NodeParams) internal _nodeParams;
    mapping(address delegator => address[]) internal _poolsOf;
    mapping(address delegator => mapping(address operator => bool)) internal _hasPosition;
    /// @dev Per signing key, one word: operator (160) | authorised (1) << 160 | jailedUntil (64) << 161. The operator is
    /// kept forever once a key was used (receipts signed with a retired key stay attributable for slashing);
    /// `authorised` is set only while the key is the current key of a registered node with the minimum self-stake.
    mapping(address signer => uint256) internal _signers;
    mapping(uint256 slot => address operator) internal _nodeAt;
    mapping(uint256 slot => address operator) internal _validatorAt;
    uint256[] internal _freeNodeSlots;
    uint256[] internal _freeValidatorSlots;
    uint16 internal _nodeSlots;
    uint16 internal _validatorSlots;
    uint16 internal _nodeCount;
    uint16 internal _validatorCount;

    /// @param token_ the VeritensorToken (this contract needs its MINTER_ROLE).
    /// @param owner_ gets DEFAULT_ADMIN_ROLE and the owner share of the emission.
    /// @param params_ see ISubnet.Params.
    constructor(IVeritensorToken token_, address owner_, Params memory params_) {
        if (address(token_) == address(0) || owner_ == address(0)) revert SubnetInvalidParams();
        if (
            params_.epochLength == 0 || params_.commitBlocks == 0 || params_.commitBlocks >= params_.epochLength
                || params_.maxNodes == 0 || params_.maxNodes > YumaEpoch.MAX_NODES || params_.maxValidators == 0
                || params_.maxValidators > YumaEpoch.MAX_VALIDATORS || params_.maxTakeBps > 10_000
                || params_.kappa > (1 << 32) || params_.bondsMovingAverage > 1_000_000 || params_.minNodeStake == 0
                || params_.minValidatorStake == 0
        ) revert SubnetInvalidParams();
        token = token_;
        genesisBlock = block.number;
        _params = params_;
        _ownerRecipient = owner_;
        _grantRole(DEFAULT_ADMIN_ROLE, owner_);
        _yuma.kappa = params_.kappa;
        _yuma.bmaPpm = params_.bondsMovingAverage;
        _setSplit(params_.nodesBps, params_.validatorsBps);
    }

    // =============================================================== registration

    /// @inheritdoc ISubnet
    function registerNode(NodeParams calldata p, uint256 selfStake) external nonReentrant returns (uint256 slot) {
        _notFinalizing();
        Pool storage pl = _checkNewOperator(msg.sender, KIND_NODE);
        _checkSigner(p.signer, msg.sender);
        _deposit(msg.sender, msg.sender, selfStake);
        _requireSelfStake(pl, msg.sender, _params.minNodeStake);
        if (_nodeCount < _params.maxNodes) {
            uint256 n = _freeNodeSlots.length;
            if (n > 0) {
                slot = _freeNodeSlots[n - 1];
                _freeNodeSlots.pop();
            } else {
                slot = _nodeSlots++;
            }
        } else {
            slot = _lowestNode();
            _detach(_nodeAt[slot], true);
            _nodeCount--;
        }
        _nodeCount++;
        _nodeParams[msg.sender] = p;
        _signers[p.signer] = _signerWord(msg.sender, true, pl.jailedUntil);
        _nodeAt[slot] = msg.sender;
        pl.kind = KIND_NODE;
        pl.registered = true;
        pl.registeredBlock = uint64(block.number);
        pl.slot = uint16(slot);
        pl.lastCum = uint128(_yuma.nodeCum.get128(slot));
        YumaEpoch.registerNode(_yuma, slot, _validatorSlots, _params.maxValidators);
        emit NodeRegistered(msg.sender, slot, p.signer, p);
    }

    /// @inheritdoc ISubnet
    function updateNode(NodeParams calldata p) external {
        Pool storage pl = _registered(msg.sender, KIND_NODE);
        address old = _nodeParams[msg.sender].signer;
        if (p.signer != old) {
            _checkSigner(p.signer, msg.sender);
            // The new key takes over the old key's status; the old key stays mapped to this operator.
            _signers[p.signer] = _signers[old];
            _signers[old] = uint160(msg.sender);
        }
        _nodeParams[msg.sender] = p;
        emit NodeUpdated(msg.sender, pl.slot, p);
    }

    /// @inheritdoc ISubnet
    function registerValidator(uint256 selfStake) external nonReentrant returns (uint256 slot) {
        _notFinalizing();
        Pool storage pl = _checkNewOperator(msg.sender, KIND_VALIDATOR);
        _deposit(msg.sender, msg.sender, selfStake);
        _requireSelfStake(pl, msg.sender, _params.minValidatorStake);
        if (_validatorCount < _params.maxValidators) {
            uint256 n = _freeValidatorSlots.length;
            if (n > 0) {
                slot = _freeValidatorSlots[n - 1];
                _freeValidatorSlots.pop();
            } else {
                slot = _validatorSlots++;
            }
        } else {
            slot = _weakestValidator(pl.stake);
            _detach(_validatorAt[slot], true);
            _validatorCount--;
        }
        _validatorCount++;
        _validatorAt[slot] = msg.sender;
        pl.kind = KIND_VALIDATOR;
        pl.registered = true;
        pl.registeredBlock = uint64(block.number);
        pl.slot = uint16(slot);
        pl.lastCum = uint128(_yuma.valCum.get128(slot));
        YumaEpoch.setValidator(_yuma, slot, true);
        emit ValidatorRegistered(msg.sender, slot);
    }

    /// @inheritdoc ISubnet
    function deregister() external {
        _notFinalizing();
        Pool storage pl = _pools[msg.sender];
        if (!pl.registered) revert SubnetNotRegistered(msg.sender);
        uint256 slot = pl.slot;
        if (pl.kind == KIND_NODE) {
            _freeNodeSlots.push(slot);
            _nodeCount--;
        } else {
            _freeValidatorSlots.push(slot);
            _validatorCount--;
        }
        _detach(msg.sender, false);
    }

    function _checkNewOperator(address op, uint8 kind) internal view returns (Pool storage pl) {
        pl = _pools[op];
        if (pl.registered) revert SubnetAlreadyRegistered(op);
        if (pl.kind != 0 && pl.kind != kind) revert SubnetWrongKind(op);
        if (block.number < pl.jailedUntil) revert SubnetJailed(op, pl.jailedUntil);
    }

    function _registered(address op, uint8 kind) internal view returns (Pool storage pl) {
        pl = _pools[op];
        if (!pl.registered) revert SubnetNotRegistered(op);
        if (pl.kind != kind) revert SubnetWrongKind(op);
    }

    /// @dev A key is usable by `self` when it is no operator's address and was never used by another operator.
    function _checkSigner(address signer, address self) internal view {
        if (signer == address(0) || signer == msg.sender) revert SubnetInvalidSigner(signer);
        uint256 w = _signers[signer];
        address holder = address(uint160(w));
        if (holder != address(0) && holder != self) {
            if ((w >> 160) & 1 == 1) revert SubnetSignerTaken(signer);
            revert SubnetSignerRetired(signer, holder);
        }
        if (_pools[signer].kind != 0) revert SubnetSignerTaken(signer);
    }

    function _signerWord(address op, bool authorised, uint256 jailedUntil) internal pure returns (uint256) {
        return uint256(uint160(op)) | (authorised ? uint256(1) << 160 : 0) | (jailedUntil << 161);
    }

    function _requireSelfStake(Pool storage pl, address op, uint256 minimum) internal view {
        uint256 have = StakeMath.stakeOf(_positions[op][op].shares, pl.stake, pl.shares);
        if (have < minimum) revert SubnetInsufficientStake(have, minimum);
    }

    /// @dev Removes `op` from its slot (settling its rewards first).
    function _detach(address op, bool replaced) internal {
        Pool storage pl = _pools[op];
        _sync(pl);
        uint256 slot = pl.slot;
        pl.registered = false;
        if (pl.kind == KIND_NODE) {
            delete _nodeAt[slot];
            _signers[_nodeParams[op].signer] = uint160(op);
            YumaEpoch.deregisterNode(_yuma, slot, _validatorSlots);
        } else {
            delete _validatorAt[slot];
            YumaEpoch.setValidator(_yuma, slot, false);
        }
        emit OperatorDeregistered(op, slot, replaced);
    }

    /// @dev Non-immune node slot with the lowest incentive of the last finalised epoch (lowest slot on ties).
    function _lowestNode() internal view returns (uint256 best) {
        uint256 bestInc = type(uint256).max;
        uint256 immunity = _params.immunityBlocks;
        for (uint256 j; j < _nodeSlots; ++j) {
            if (_nodeAt[j] == address(0)) continue;
            if (block.number < YumaEpoch.nodeRegBlock(_yuma, j) + immunity) continue;
            uint256 inc = _yuma.incentive.get64(j);
            if (inc < bestInc) (best, bestInc) = (j, inc);
        }
        if (bestInc == type(uint256).max) revert SubnetAllImmune();
    }

    /// @dev Non-immune validator slot with the smallest pool stake, which must be below `newStake`.
    function _weakestValidator(uint256 newStake) internal view returns (uint256 best) {
        uint256 bestStake = type(uint256).max;
        for (uint256 v; v < _validatorSlots; ++v) {
            address op = _validatorAt[v];
            if (op == address(0)) continue;
            if (block.number < _pools[op].registeredBlock + _params.immunityBlocks) continue;
            uint256 st = _pools[op].stake;
            if (st < bestStake) (best, bestStake) = (v, st);
        }
        if (bestStake == type(uint256).max) revert SubnetAllImmune();
        if (bestStake >= newStake) revert SubnetFull();
    }

    // =============================================================== staking

    /// @inheritdoc ISubnet
    function delegate(address op, uint256 amount) external nonReentrant returns (uint256 shares) {
        Pool storage pl = _pools[op];
        if (!pl.registered) revert SubnetNotRegistered(op);
        shares = _deposit(op, msg.sender, amount);
    }

    function _deposit(address op, address who, uint256 amount) internal returns (uint256 shares) {
        if (amount == 0) revert SubnetZeroAmount();
        Pool storage pl = _pools[op];
        _sync(pl);
        shares = StakeMath.sharesFor(amount, pl.stake, pl.shares);
        if (shares == 0) revert SubnetPoolDepleted(op);
        Position storage ps = _positions[op][who];
        if (!_hasPosition[who][op]) {
            _hasPosition[who][op] = true;
            _poolsOf[who].push(op);
        }
        _settle(pl, ps);
        ps.shares += uint128(shares);
        ps.debt = StakeMath.accrued(ps.shares, pl.acc);
        pl.stake += uint128(amount);
        pl.shares += uint128(shares);
        _refreshNode(op, pl);
        token.safeTransferFrom(who, address(this), amount);
        emit StakeDelegated(op, who, amount, shares);
    }

    /// @inheritdoc ISubnet
    function undelegate(address op, uint256 shares) external nonReentrant returns (uint256 id) {
        if (shares == 0) revert SubnetZeroAmount();
        Pool storage pl = _pools[op];
        Position storage ps = _positions[op][msg.sender];
        if (ps.shares < shares) revert SubnetInsufficientShares(ps.shares, shares);
        _sync(pl);
        _settle(pl, ps);
        uint256 amount = StakeMath.stakeOf(shares, pl.stake, pl.shares);
        if (amount == 0) revert SubnetZeroAmount();
        if (pl.unbondingStake == 0 && pl.unbondingShares != 0) revert SubnetPoolDepleted(op);
        uint256 uShares = StakeMath.sharesFor(amount, pl.unbondingStake, pl.unbondingShares);
        ps.shares -= uint128(shares);
        ps.debt = StakeMath.accrued(ps.shares, pl.acc);
        pl.stake -= uint128(amount);
        pl.shares -= uint128(shares);
        pl.unbondingStake += uint128(amount);
        pl.unbondingShares += uint128(uShares);
        if (msg.sender == op && pl.registered) {
            _requireSelfStake(pl, op, pl.kind == KIND_NODE ? _params.minNodeStake : _params.minValidatorStake);
        }
        _refreshNode(op, pl);
        uint256 release = block.number + _params.unbondingBlocks;
        id = _unbonds[op][msg.sender].length;
        _unbonds[op][msg.sender].push(Unbond(uint128(uShares), uint64(release)));
        emit StakeUndelegated(op, msg.sender, id, amount, release);
    }

    /// @inheritdoc ISubnet
    function withdraw(address op, uint256 id) external nonReentrant returns (uint256 amount) {
        Unbond[] storage list = _unbonds[op][msg.sender];
        if (id >= list.length || list[id].shares == 0) revert SubnetUnknownUnbonding(id);
        Unbond storage u = list[id];
        if (block.number < u.releaseBlock) revert SubnetStillUnbonding(u.releaseBlock);
        Pool storage pl = _pools[op];
        amount = StakeMath.stakeOf(u.shares, pl.unbondingStake, pl.unbondingShares);
        pl.unbondingShares -= u.shares;
        pl.unbondingStake -= uint128(amount);
        delete list[id];
        if (amount != 0) token.safeTransfer(msg.sender, amount);
        emit StakeWithdrawn(op, msg.sender, id, amount);
    }

    /// @inheritdoc ISubnet
    function claim(address op) external nonReentrant returns (uint256 amount) {
        Pool storage pl = _pools[op];
        Position storage ps = _positions[op][msg.sender];
        _sync(pl);
        _settle(pl, ps);
        amount = ps.owed;
        ps.owed = 0;
        if (msg.sender == op) {
            amount += pl.commission;
            pl.commission = 0;
        }
        if (amount != 0) token.safeTransfer(msg.sender, amount);
        emit RewardsClaimed(op, msg.sender, amount);
    }

    /// @inheritdoc ISubnet
    function setTake(uint256 takeBps) external {
        Pool storage pl = _pools[msg.sender];
        if (pl.kind == 0) revert SubnetNotRegistered(msg.sender);
        if (takeBps > _params.maxTakeBps) revert SubnetTakeTooHigh(takeBps, _params.maxTakeBps);
        uint256 old = pl.take;
        if (takeBps > old) {
            if (takeBps - old > _params.takeStepBps) revert SubnetTakeStepTooLarge(old, takeBps);
            uint256 until = uint256(pl.takeChangedBlock) + _params.takeCooldownBlocks;
            if (block.number < until) revert SubnetTakeCooldown(until);
        }
        _sync(pl);
        pl.take = uint16(takeBps);
        pl.takeChangedBlock = uint64(block.number);
        emit TakeChanged(msg.sender, old, takeBps);
    }

    /// @dev Folds the slot's reward growth into the pool (take first, the rest per share).
    function _sync(Pool storage pl) internal {
        if (!pl.registered) return;
        uint256 cum = pl.kind == KIND_NODE ? _yuma.nodeCum.get128(pl.slot) : _yuma.valCum.get128(pl.slot);
        uint256 delta = cum - pl.lastCum;
        if (delta == 0) return;
        pl.lastCum = uint128(cum);
        uint256 fee = (delta * pl.take) / 10_000;
        uint256 rest = delta - fee;
        if (pl.shares == 0) {
            fee += rest;
        } else {
            pl.acc += StakeMath.accIncrease(rest, pl.shares);
        }
        pl.commission += uint128(fee);
    }

    function _settle(Pool storage pl, Position storage ps) internal {
        uint256 acc = StakeMath.accrued(ps.shares, pl.acc);
        if (acc > ps.debt) ps.owed += uint128(acc - ps.debt);
        ps.debt = acc;
    }

    function _refreshNode(address op, Pool storage pl) internal {
        if (pl.kind != KIND_NODE || !pl.registered) return;
        bool staked = StakeMath.stakeOf(_positions[op][op].shares, pl.stake, pl.shares) >= _params.minNodeStake;
        YumaEpoch.setNodeStatus(_yuma, pl.slot, staked, pl.jailedUntil);
        address signer = _nodeParams[op].signer;
        uint256 w = _signerWord(op, staked, pl.jailedUntil);
        if (_signers[signer] != w) _signers[signer] = w;
    }

    // =============================================================== weights and epochs

    /// @inheritdoc ISubnet
    function commitWeights(bytes32 commitHash) external {
        (uint256 e, uint256 offset) = _epochAt(block.number);
        if (offset >= _params.commitBlocks) revert SubnetNotCommitWindow(e);
        uint256 v = _activeValidatorSlot(msg.sender);
        _noBacklog(e);
        YumaEpoch.commit(_yuma, v, e, commitHash);
        emit WeightsCommitted(msg.sender, e, commitHash);
    }

    /// @inheritdoc ISubnet
    function revealWeights(uint16[] calldata nodeIds, uint16[] calldata weights, bytes32 salt) external {
        (uint256 e, uint256 offset) = _epochAt(block.number);
        if (offset < _params.commitBlocks) revert SubnetNotRevealWindow(e);
        uint256 v = _activeValidatorSlot(msg.sender);
        _noBacklog(e);
        (uint256 count,) = YumaEpoch.reveal(_yuma, v, e, msg.sender, nodeIds, weights, salt, _nodeSlots);
        emit WeightsRevealed(msg.sender, e, count);
    }

    /// @inheritdoc ISubnet
    function finalizeEpoch(uint256 maxSteps) external nonReentrant returns (bool done) {
        YumaEpoch.Fin storage f = _yuma.fin;
        uint256 emission = _params.emissionPerEpoch;
        bool started = f.phase == YumaEpoch.PHASE_IDLE;
        if (started) {
            uint256 e = _yuma.completed;
            if (block.number < genesisBlock + (e + 1) * _params.epochLength) revert SubnetEpochNotOver(e);
            uint256 nV = _validatorSlots;
            uint256[] memory stakeRaw = new uint256[](nV);
            for (uint256 v; v < nV; ++v) {
                address op = _validatorAt[v];
                if (op != address(0) && _validatorEligible(op)) stakeRaw[v] = _pools[op].stake;
            }
            YumaEpoch.start(_yuma, stakeRaw, _nodeSlots, e, emission);
            if (emission != 0) token.mint(address(this), emission);
            emit EpochFinalizationStarted(e, emission);
        }
        uint256 paid;
        (done, paid) = YumaEpoch.step(_yuma, maxSteps, started);
        if (done) {
            uint256 minted = f.emission;
            uint256 ownerAmount = minted - _yuma.lastNodePortion - _yuma.lastValidatorPortion;
            uint256 burned = minted - ownerAmount - paid;
            if (ownerAmount != 0) token.safeTransfer(_ownerRecipient, ownerAmount);
            if (burned != 0) token.burn(burned);
            emit EpochFinalized(f.epoch, minted, paid, ownerAmount, burned);
        }
    }

    function _epochAt(uint256 blockNumber) internal view returns (uint256 e, uint256 offset) {
        uint256 d = blockNumber - genesisBlock;
        e = d / _params.epochLength;
        offset = d % _params.epochLength;
    }

    function _noBacklog(uint256 e) internal view {
        if (e >= 2 && _yuma.completed < e - 1) revert SubnetEpochBacklog(_yuma.completed);
    }

    function _notFinalizing() internal view {
        if (_yuma.fin.phase != YumaEpoch.PHASE_IDLE) revert SubnetFinalizing(_yuma.fin.epoch);
    }

    function _activeValidatorSlot(address op) internal view returns (uint256) {
        Pool storage pl = _pools[op];
        if (pl.kind != KIND_VALIDATOR || !_validatorEligible(op)) revert SubnetNotValidator(op);
        return pl.slot;
    }

    function _validatorEligible(address op) internal view returns (bool) {
        Pool storage pl = _pools[op];
        return pl.kind == KIND_VALIDATOR && pl.registered && block.number >= pl.jailedUntil
            && StakeMath.stakeOf(_positions[op][op].shares, pl.stake, pl.shares) >= _params.minValidatorStake;
    }

    // =============================================================== slashing

    /// @inheritdoc ISlashable
    function slash(address op, uint256 fractionWad, uint256 rewardWad, address beneficiary, bool jail)
        external
        onlyRole(SLASHER_ROLE)
        nonReentrant
        returns (uint256 slashed)
    {
        if (fractionWad > 1e18) revert SubnetBadFraction(fractionWad);
        if (rewardWad > 1e18) revert SubnetBadFraction(rewardWad);
        Pool storage pl = _pools[op];
        if (pl.kind == 0) revert SubnetNotRegistered(op);
        _sync(pl);
        uint256 bonded = StakeMath.fraction(pl.stake, fractionWad);
        uint256 unbonding = StakeMath.fraction(pl.unbondingStake, fractionWad);
        pl.stake -= uint128(bonded);
        pl.unbondingStake -= uint128(unbonding);
        slashed = bonded + unbonding;
        if (jail) pl.jailedUntil = uint64(block.number + _params.jailBlocks);
        _refreshNode(op, pl);
        uint256 reward = beneficiary == address(0) ? 0 : StakeMath.fraction(slashed, rewardWad);
        if (reward != 0) token.safeTransfer(beneficiary, reward);
        if (slashed > reward) token.burn(slashed - reward);
        emit OperatorSlashed(op, fractionWad, slashed, reward, beneficiary, jail);
    }

    // =============================================================== governance

    /// @inheritdoc ISubnet
    function setEmissionSplit(uint16 nodesBps, uint16 validatorsBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setSplit(nodesBps, validatorsBps);
    }

    function _setSplit(uint16 nodesBps, uint16 validatorsBps) internal {
        if (uint256(nodesBps) + validatorsBps > 10_000) revert SubnetBadSplit(nodesBps, validatorsBps);
        _yuma.nodesBps = nodesBps;
        _yuma.validatorsBps = validatorsBps;
        _params.nodesBps = nodesBps;
        _params.validatorsBps = validatorsBps;
        emit EmissionSplitChanged(nodesBps, validatorsBps, 10_000 - uint256(nodesBps) - validatorsBps);
    }

    /// @inheritdoc ISubnet
    function setEmissionPerEpoch(uint128 emissionPerEpoch) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _params.emissionPerEpoch = emissionPerEpoch;
        emit EmissionPerEpochChanged(emissionPerEpoch);
    }

    /// @inheritdoc ISubnet
    function setOwnerRecipient(address recipient) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (recipient == address(0)) revert SubnetInvalidParams();
        _ownerRecipient = recipient;
        emit OwnerRecipientChanged(recipient);
    }

    // =============================================================== reads

    /// @inheritdoc INodeAuthority
    /// @dev One storage read (the key's word); AuditLog.commitBatch calls this on every batch.
    function isAuthorizedSigner(address signer) external view returns (bool) {
        uint256 w = _signers[signer];
        return (w >> 160) & 1 == 1 && block.number >= (w >> 161);
    }

    /// @inheritdoc ISlashable
    /// @dev Also for keys the operator has rotated away from or used before deregistering.
    function operatorOfSigner(address signer) external view returns (address) {
        return address(uint160(_signers[signer]));
    }

    /// @inheritdoc ISlashable
    function validatorStakes() external view returns (address[] memory validators, uint256[] memory stakes) {
        uint256 n = _validatorSlots;
        validators = new address[](n);
        stakes = new uint256[](n);
        uint256 k;
        for (uint256 v; v < n; ++v) {
            address op = _validatorAt[v];
            if (op == address(0) || !_validatorEligible(op)) continue;
            validators[k] = op;
            stakes[k] = _pools[op].stake;
            ++k;
        }
        assembly ("memory-safe") {
            mstore(validators, k)
            mstore(stakes, k)
        }
    }

    /// @inheritdoc ISlashable
    function isValidator(address account) external view returns (bool) {
        return _validatorEligible(account);
    }

    /// @inheritdoc ISubnet
    function currentEpoch() external view returns (uint256 e) {
        (e,) = _epochAt(block.number);
    }

    /// @inheritdoc ISubnet
    function epochStatus() external view returns (uint256 finalized, bool inProgress) {
        return (_yuma.completed, _yuma.fin.phase != YumaEpoch.PHASE_IDLE);
    }

    /// @inheritdoc ISubnet
    function pool(address op) public view returns (PoolView memory r) {
        Pool storage pl = _pools[op];
        r.kind = pl.kind;
        r.registered = pl.registered;
        r.slot = pl.slot;
        r.takeBps = pl.take;
        r.jailedUntil = pl.jailedUntil;
        r.stake = pl.stake;
        r.shares = pl.shares;
        r.selfStake = StakeMath.stakeOf(_positions[op][op].shares, pl.stake, pl.shares);
        r.unbondingStake = pl.unbondingStake;
        (uint256 fee,) = _pendingSync(pl);
        r.pendingCommission = pl.commission + fee;
    }

    /// @dev Commission and reward-per-share the pool would have after `_sync`.
    function _pendingSync(Pool storage pl) internal view returns (uint256 fee, uint256 acc) {
        acc = pl.acc;
        if (!pl.registered) return (0, acc);
        uint256 cum = pl.kind == KIND_NODE ? _yuma.nodeCum.get128(pl.slot) : _yuma.valCum.get128(pl.slot);
        uint256 delta = cum - pl.lastCum;
        fee = (delta * pl.take) / 10_000;
        uint256 rest = delta - fee;
        if (pl.shares == 0) fee += rest;
        else acc += StakeMath.accIncrease(rest, pl.shares);
    }

    /// @inheritdoc ISubnet
    function node(uint256 slot) external view returns (NodeView memory r) {
        address op = _nodeAt[slot];
        r.operator = op;
        if (op == address(0)) return r;
        r.params = _nodeParams[op];
        r.registeredBlock = uint64(YumaEpoch.nodeRegBlock(_yuma, slot));
        r.eligible = YumaEpoch.nodeEligible(_yuma, slot);
        r.pool = pool(op);
        r.consensus = uint64(_yuma.consensus.get64(slot));
        r.incentive = uint64(_yuma.incentive.get64(slot));
        r.lastEmission = (uint256(r.incentive) * _yuma.lastNodePortion) >> 32;
    }

    /// @inheritdoc ISubnet
    function nodeSlotOf(address op) external view returns (bool registered, uint256 slot) {
        Pool storage pl = _pools[op];
        return (pl.registered && pl.kind == KIND_NODE, pl.slot);
    }

    /// @inheritdoc ISubnet
    function nodeCount() external view returns (uint256 registered, uint256 slots) {
        return (_nodeCount, _nodeSlots);
    }

    /// @inheritdoc ISubnet
    function validatorCount() external view returns (uint256 registered, uint256 slots) {
        return (_validatorCount, _validatorSlots);
    }

    /// @inheritdoc ISubnet
    function validatorAt(uint256 slot) external view returns (address) {
        return _validatorAt[slot];
    }

    /// @inheritdoc ISubnet
    function position(address op, address delegator) external view returns (PositionView memory r) {
        Pool storage pl = _pools[op];
        r.shares = _positions[op][delegator].shares;
        r.stake = StakeMath.stakeOf(r.shares, pl.stake, pl.shares);
        r.pendingRewards = pendingRewards(op, delegator);
        Unbond[] storage list = _unbonds[op][delegator];
        uint256 live;
        for (uint256 i; i < list.length; ++i) if (list[i].shares != 0) ++live;
        r.unbonding = new UnbondingView[](live);
        uint256 k;
        for (uint256 i; i < list.length; ++i) {
            if (list[i].shares == 0) continue;
            r.unbonding[k++] = UnbondingView(
                i, StakeMath.stakeOf(list[i].shares, pl.unbondingStake, pl.unbondingShares), list[i].releaseBlock
            );
        }
    }

    /// @inheritdoc ISubnet
    function positionsOf(address delegator) external view returns (address[] memory) {
        return _poolsOf[delegator];
    }

    /// @inheritdoc ISubnet
    function pendingRewards(address op, address delegator) public view returns (uint256 amount) {
        Pool storage pl = _pools[op];
        Position storage ps = _positions[op][delegator];
        (uint256 fee, uint256 acc) = _pendingSync(pl);
        uint256 accrued = StakeMath.accrued(ps.shares, acc);
        amount = ps.owed + (accrued > ps.debt ? accrued - ps.debt : 0);
        if (delegator == op) amount += pl.commission + fee;
    }

    /// @inheritdoc ISubnet
    function epochWeights(uint256 epoch, address validator)
        external
        view
        returns (uint16[] memory nodeIds, uint16[] memory weights)
    {
        Pool storage pl = _pools[validator];
        if (pl.kind != KIND_VALIDATOR || !pl.registered) return (nodeIds, weights);
        return YumaEpoch.revealedWeights(_yuma, pl.slot, epoch, _nodeSlots);
    }

    /// @inheritdoc ISubnet
    function epochResults() external view returns (EpochResults memory r) {
        r = SubnetViews.results(_yuma, _validatorSlots, _nodeSlots);
        r.epoch = _yuma.completed == 0 ? 0 : _yuma.completed - 1;
        for (uint256 v; v < r.validators.length; ++v) r.validators[v] = _validatorAt[v];
        for (uint256 j; j < r.nodes.length; ++j) r.nodes[j] = _nodeAt[j];
    }

    /// @inheritdoc ISubnet
    function bond(uint256 v, uint256 j) external view returns (uint256) {
        return SubnetViews.bond(_yuma, v, j);
    }

    /// @inheritdoc ISubnet
    function bonds() external view returns (uint16[][] memory) {
        return SubnetViews.bondsMatrix(_yuma, _validatorSlots, _nodeSlots);
    }

    /// @inheritdoc ISubnet
    function params() external view returns (Params memory) {
        return _params;
    }
}
