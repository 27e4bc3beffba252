// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {INodeAuthority} from "./INodeAuthority.sol";
import {ISlashable} from "./ISlashable.sol";

/// @title ISubnet
/// @notice The Veritensor subnet: node and validator registration with self-stake, delegation pools with share
/// accounting and an unbonding queue, operator take, weights commit-reveal per epoch, a Yuma-style epoch (chunked)
/// that mints and splits the emission, and slashing by the disputes contract.
/// @dev Amounts are token wei. Proportions (consensus, incentive, dividends, trust, stake shares) are unsigned
/// Q32.32: value = raw / 2^32 (see YumaMath). Epoch e spans blocks [genesis + e*L, genesis + (e+1)*L); commits are
/// accepted in its first `commitBlocks` blocks and reveals in the rest. Epoch e may be finalised from block
/// genesis + (e+1)*L on, in order; committing or revealing in epoch e requires epoch e-2 to be finalised.
interface ISubnet is INodeAuthority, ISlashable {
    /// @notice Constructor / governance parameters.
    struct Params {
        uint64 epochLength; // blocks per epoch (L)
        uint64 commitBlocks; // commit window at the start of each epoch; reveals in the rest
        uint128 emissionPerEpoch; // wei minted per finalised epoch
        uint128 minNodeStake; // minimum operator self-stake of a node
        uint128 minValidatorStake; // minimum operator self-stake of a validator
        uint16 maxNodes; // node cap (<= 1024), default 256
        uint16 maxValidators; // validator cap (<= 128), default 64
        uint64 immunityBlocks; // blocks after registration during which a node/validator cannot be replaced
        uint64 unbondingBlocks; // delay between undelegate and withdraw
        uint16 maxTakeBps; // operator take cap, default 1800 (18%)
        uint16 takeStepBps; // largest take increase per change
        uint64 takeCooldownBlocks; // blocks between two take increases
        uint64 jailBlocks; // how long a jailed operator stays jailed
        uint64 kappa; // consensus majority, Q32.32 (2^31 = 0.5)
        uint32 bondsMovingAverage; // ppm; 900000 gives EMA alpha 0.1
        uint16 nodesBps; // emission share of nodes, default 4100
        uint16 validatorsBps; // emission share of validators, default 4100; owner gets the rest
    }

    /// @notice What a node publishes at registration.
    struct NodeParams {
        address signer; // key that signs receipts and commits batches (not the operator key)
        string endpoint; // OIP v2 base URL
        uint256 pricePerInference; // wei
        string region; // e.g. "eu-west"
        string energySource; // e.g. "solar", "grid"
        uint32 carbonIntensity; // grid carbon intensity, gCO2e/kWh
    }

    /// @notice A pool's public state.
    struct PoolView {
        uint8 kind; // 0 none, 1 node, 2 validator
        bool registered;
        uint16 slot;
        uint16 takeBps;
        uint64 jailedUntil; // block
        uint256 stake; // bonded stake (self + delegated)
        uint256 shares;
        uint256 selfStake; // value of the operator's own shares
        uint256 unbondingStake;
        uint256 pendingCommission; // operator take not yet claimed
    }

    /// @notice A node with its pool and its last epoch results.
    struct NodeView {
        address operator;
        NodeParams params;
        uint64 registeredBlock;
        bool eligible; // registered, self-stake >= minimum, not jailed
        PoolView pool;
        uint64 consensus; // Q32.32, last finalised epoch
        uint64 incentive; // Q32.32, last finalised epoch
        uint256 lastEmission; // wei, last finalised epoch
    }

    /// @notice A delegator's unbonding entry.
    struct UnbondingView {
        uint256 id;
        uint256 amount; // current value (after any slash)
        uint64 releaseBlock;
    }

    /// @notice A delegator's position in one pool.
    struct PositionView {
        uint256 shares;
        uint256 stake; // current value of the shares
        uint256 pendingRewards; // claimable now (including operator commission for the operator itself)
        UnbondingView[] unbonding;
    }

    /// @notice Results of the last finalised epoch, per validator slot and per node slot.
    struct EpochResults {
        uint256 epoch;
        uint256 emission;
        address[] validators;
        uint64[] stake; // Q32.32 normalised stake of eligible validators
        uint64[] activeStake; // Q32.32, revealed validators only
        uint64[] validatorTrust; // Q32.32, sum of clipped weights
        uint64[] dividends; // Q32.32
        uint256[] validatorEmission; // wei
        address[] nodes;
        uint64[] consensus; // Q32.32
        uint64[] incentive; // Q32.32
        uint256[] nodeEmission; // wei
    }

    event NodeRegistered(address indexed operator, uint256 indexed slot, address indexed signer, NodeParams params);
    event NodeUpdated(address indexed operator, uint256 indexed slot, NodeParams params);
    event ValidatorRegistered(address indexed operator, uint256 indexed slot);
    event OperatorDeregistered(address indexed operator, uint256 indexed slot, bool replaced);
    event StakeDelegated(address indexed operator, address indexed delegator, uint256 amount, uint256 shares);
    event StakeUndelegated(
        address indexed operator, address indexed delegator, uint256 indexed id, uint256 amount, uint256 releaseBlock
    );
    event StakeWithdrawn(address indexed operator, address indexed delegator, uint256 indexed id, uint256 amount);
    event RewardsClaimed(address indexed operator, address indexed delegator, uint256 amount);
    event TakeChanged(address indexed operator, uint256 oldTakeBps, uint256 newTakeBps);
    event WeightsCommitted(address indexed validator, uint256 indexed epoch, bytes32 commitHash);
    event WeightsRevealed(address indexed validator, uint256 indexed epoch, uint256 count);
    event EpochFinalizationStarted(uint256 indexed epoch, uint256 emission);
    event EpochFinalized(uint256 indexed epoch, uint256 emission, uint256 paid, uint256 ownerAmount, uint256 burned);
    event OperatorSlashed(
        address indexed operator, uint256 fractionWad, uint256 slashed, uint256 reward, address beneficiary, bool jailed
    );
    event EmissionSplitChanged(uint256 nodesBps, uint256 validatorsBps, uint256 ownerBps);
    event EmissionPerEpochChanged(uint256 emissionPerEpoch);
    event OwnerRecipientChanged(address recipient);

    error SubnetInvalidParams();
    error SubnetAlreadyRegistered(address operator);
    error SubnetNotRegistered(address operator);
    error SubnetWrongKind(address operator);
    error SubnetSignerTaken(address signer);
    /// @notice `signer` was the signing key of another operator (keys stay bound to their operator for slashing).
    error SubnetSignerRetired(address signer, address operator);
    error SubnetInvalidSigner(address signer);
    error SubnetInsufficientStake(uint256 have, uint256 need);
    error SubnetFull();
    error SubnetAllImmune();
    error SubnetZeroAmount();
    error SubnetInsufficientShares(uint256 have, uint256 need);
    error SubnetPoolDepleted(address operator);
    error SubnetUnknownUnbonding(uint256 id);
    error SubnetStillUnbonding(uint256 releaseBlock);
    error SubnetTakeTooHigh(uint256 takeBps, uint256 maxBps);
    error SubnetTakeStepTooLarge(uint256 fromBps, uint256 toBps);
    error SubnetTakeCooldown(uint256 untilBlock);
    error SubnetNotValidator(address account);
    error SubnetNotCommitWindow(uint256 epoch);
    error SubnetNotRevealWindow(uint256 epoch);
    error SubnetEpochBacklog(uint256 unfinalizedEpoch);
    error SubnetEpochNotOver(uint256 epoch);
    error SubnetFinalizing(uint256 epoch);
    error SubnetBadFraction(uint256 wad);
    error SubnetBadSplit(uint256 nodesBps, uint256 validatorsBps);
    error SubnetJailed(address operator, uint256 untilBlock);
    /// @notice Revealed weights for an epoch without a commit from this validator.
    error SubnetNoCommit(uint256 epoch);
    /// @notice The validator already revealed for this epoch.
    error SubnetAlreadyRevealed(uint256 epoch);
    /// @notice keccak256(abi.encode(validator, epoch, nodeIds, weights, salt)) differs from the commit.
    error SubnetCommitMismatch();
    /// @notice nodeIds and weights have different lengths.
    error SubnetLengthMismatch(uint256 ids, uint256 weights);
    /// @notice nodeIds are not strictly increasing, are out of range or name an empty slot.
    error SubnetBadNode(uint256 nodeId);

    // ------------------------------------------------------------------ registration
    /// @notice Registers msg.sender as a node operator with `selfStake` (pulled from msg.sender, needs approval).
    /// When the node cap is reached, replaces the non-immune node with the lowest incentive of the last epoch.
    /// @return slot the node slot (uid) used in weights.
    function registerNode(NodeParams calldata params, uint256 selfStake) external returns (uint256 slot);
    /// @notice Updates a registered node's published parameters (the signer may change to a key no other operator
    /// ever used). The old key stops being authorised but stays attributed to this operator (operatorOfSigner), so
    /// receipts it signed can still be challenged and slashed.
    function updateNode(NodeParams calldata params) external;
    /// @notice Registers msg.sender as a validator with `selfStake`. When the validator cap is reached, replaces the
    /// non-immune validator with the smallest pool stake if the new pool is larger.
    function registerValidator(uint256 selfStake) external returns (uint256 slot);
    /// @notice msg.sender leaves its node/validator slot; its pool stays for withdrawals.
    function deregister() external;

    // ------------------------------------------------------------------ staking
    /// @notice Delegates `amount` to `operator`'s pool (the operator itself adds self-stake this way).
    function delegate(address operator, uint256 amount) external returns (uint256 shares);
    /// @notice Moves `shares` of msg.sender's position into the unbonding queue.
    /// @return id the unbonding entry id (per operator and delegator).
    function undelegate(address operator, uint256 shares) external returns (uint256 id);
    /// @notice Withdraws an unbonding entry after its release block.
    function withdraw(address operator, uint256 id) external returns (uint256 amount);
    /// @notice Claims msg.sender's rewards in `operator`'s pool (and the commission when msg.sender is the operator).
    function claim(address operator) external returns (uint256 amount);
    /// @notice Sets msg.sender's take (commission) in basis points; increases are capped per step and cooldown.
    function setTake(uint256 takeBps) external;

    // ------------------------------------------------------------------ weights and epochs
    /// @notice Commits keccak256(abi.encode(validator, epoch, nodeIds, weights, salt)) for the current epoch.
    function commitWeights(bytes32 commitHash) external;
    /// @notice Reveals the committed weights (node slots strictly increasing, u16 weights).
    function revealWeights(uint16[] calldata nodeIds, uint16[] calldata weights, bytes32 salt) external;
    /// @notice Finalises the oldest unfinalised epoch in up to `maxSteps` steps (a step = 16 node columns of the
    /// COLUMNS pass, 64 of the REWARDS pass, or EMIT: ceil(nodeSlots / 16) + ceil(nodeSlots / 64) + 1 steps after its
    /// start). A call also stops before its estimated gas would pass 16M (whatever gas it is given, so estimation
    /// works and any `maxSteps` fits a 16.7M transaction gas cap): call repeatedly until `done`. Anyone may call.
    /// @return done whether that epoch is fully finalised.
    function finalizeEpoch(uint256 maxSteps) external returns (bool done);

    // ------------------------------------------------------------------ governance
    /// @notice Changes the emission split (owner gets 10000 - nodes - validators).
    function setEmissionSplit(uint16 nodesBps, uint16 validatorsBps) external;
    /// @notice Changes the emission per epoch.
    function setEmissionPerEpoch(uint128 emissionPerEpoch) external;
    /// @notice Changes where the owner share is paid.
    function setOwnerRecipient(address recipient) external;

    // ------------------------------------------------------------------ reads
    function currentEpoch() external view returns (uint256);
    /// @notice Number of finalised epochs (= the next epoch to finalise) and whether a finalisation is under way.
    function epochStatus() external view returns (uint256 finalized, bool inProgress);
    function pool(address operator) external view returns (PoolView memory);
    function node(uint256 slot) external view returns (NodeView memory);
    function nodeSlotOf(address operator) external view returns (bool registered, uint256 slot);
    function nodeCount() external view returns (uint256 registered, uint256 slots);
    function validatorCount() external view returns (uint256 registered, uint256 slots);
    function validatorAt(uint256 slot) external view returns (address operator);
    function position(address operator, address delegator) external view returns (PositionView memory);
    /// @notice Operators whose pools `delegator` has ever deposited into (read `position` for each).
    function positionsOf(address delegator) external view returns (address[] memory operators);
    /// @notice Claimable rewards of `delegator` in `operator`'s pool (with the commission for the operator itself).
    function pendingRewards(address operator, address delegator) external view returns (uint256);
    function epochWeights(uint256 epoch, address validator)
        external
        view
        returns (uint16[] memory nodeIds, uint16[] memory weights);
    function epochResults() external view returns (EpochResults memory);
    /// @notice Stored u16 bonds of validator slot `v` on node slot `j` (column max-upscaled).
    function bond(uint256 v, uint256 j) external view returns (uint256);
    /// @notice All stored bonds [validator slot][node slot], 0 where the next epoch will mask them.
    function bonds() external view returns (uint16[][] memory);
    function params() external view returns (Params memory);
}
