// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAuditLog} from "./IAuditLog.sol";
import {ISlashable} from "./ISlashable.sol";

/// @title IChallenges
/// @notice Settles the provable faults of inference nodes (see DESIGN.md, "Faults and how each is settled"):
/// 1. **Double-sign**: two valid signed receipts for one (node, seq) with different content. The contract checks both
///    signatures and slashes the node's operator at once; the prover gets the slash reward.
/// 2. **Inclusion**: a signed receipt whose commit deadline (`receipt.timestamp + commitWindow`) has passed, or whose
///    seq a committed batch already covers, or which is stamped more than `commitWindow` in the future (a lie that
///    would postpone its deadline). The node (or anyone for it) must answer within `responseWindow` with a Merkle
///    proof of that very receipt in the batch covering its seq (`IAuditLog.verifyReceipt`). A valid answer dismisses the
///    challenge and pays the challenger's small `inclusionBond` to the node's operator (it compensates the answer's gas
///    and makes spam cost); no valid answer by the deadline lets anyone finalise: the operator is slashed, the
///    challenger gets the slash reward and its bond back.
/// 3. **Wrong output**: a registered validator (`ISlashable.isValidator`) posts `wrongOutputBond` with a receipt that is
///    signed by the node or proved included. At opening the contract commits to the hash of a future block
///    (`block.number + drawDelay`); once that block exists anyone calls `drawCommittee`, which draws up to
///    `committeeSize` validators without replacement, each with probability proportional to its stake
///    (`ISlashable.validatorStakes`), excluding the challenger, the node's operator and the node's signing key. Members
///    re-run the model under its registry policy and vote Match/Mismatch by commit-reveal, commitment
///    `keccak256(abi.encode(challengeId, voter, uint8(vote), salt))`. Reveals open when every member has committed or
///    the commit window ends; settlement opens when every member has revealed or the reveal window ends. Outcome:
///    - fewer revealed votes than the quorum (`ceil(members * quorumWad / 1e18)`, at least 1): NoQuorum, bond returned,
///      no slash, nobody rewarded;
///    - as many Match as Mismatch votes: Tie, same as NoQuorum;
///    - Mismatch majority: the operator is slashed `wrongOutputSlashWad` with `challengerRewardWad` of it paid to this
///      contract, which pays `committeeShareWad` of that reward to the majority voters (equal split) and the rest plus the
///      whole bond to the challenger;
///    - Match majority: the bond is forfeited: `committeeShareWad` of it to the majority voters (equal split), the rest
///      to the node's operator.
///    Members who do not commit, do not reveal, or vote with the minority get nothing. Integer-division dust of a voter
///    split goes to the challenger (Mismatch) or the operator (Match), so every token is accounted for.
/// @dev Parameters are owner-set within bounds (`setParams`); a challenge's deadlines and bond are fixed when the
/// challenge is opened (or its committee drawn), the fractions and shares are read when it is settled.
/// Attribution: a receipt's signing key is mapped to its operator by `ISlashable.operatorOfSigner` when the challenge
/// is opened, and that operator is the one slashed or paid. Faults signed with a key the Subnet no longer maps (after a
/// key rotation or deregistration) cannot be opened (ChallengesUnknownNode): the Subnet should keep mapping retired
/// keys to their operator so that their receipts stay attributable.
interface IChallenges {
    enum ChallengeKind {
        None,
        DoubleSign,
        Inclusion,
        WrongOutput
    }

    enum ChallengeStatus {
        None,
        /// Inclusion: waiting for the node's Merkle proof until `responseDeadline`.
        AwaitingResponse,
        /// Wrong output: waiting for block `seedBlock` to exist so that `drawCommittee` can draw.
        AwaitingCommittee,
        /// Wrong output: committee drawn; commits until `commitDeadline`, reveals until `revealDeadline`.
        Voting,
        /// Final; see `outcome`.
        Settled
    }

    enum Outcome {
        None,
        /// Double-sign proved: node slashed.
        DoubleSigned,
        /// Inclusion challenge not answered in time: node slashed.
        InclusionUnanswered,
        /// Inclusion challenge answered with a valid proof: dismissed, bond to the operator.
        InclusionProved,
        /// Committee majority says the output does not match: node slashed, bond returned.
        Mismatch,
        /// Committee majority says the output matches: bond forfeited to the operator and voters.
        Match,
        /// As many Match as Mismatch votes: bond returned, no slash.
        Tie,
        /// Fewer revealed votes than the quorum: bond returned, no slash.
        NoQuorum,
        /// No eligible validator to draw: bond returned, no slash.
        NoCommittee
    }

    enum Vote {
        None,
        Match,
        Mismatch
    }

    /// @notice Owner-set parameters. Fractions are WAD (1e18 = 100%), windows in seconds.
    struct Params {
        /// Seconds after `receipt.timestamp` by which a receipt must be covered by a committed batch.
        uint64 commitWindow;
        /// Seconds a node has to answer an inclusion challenge.
        uint64 responseWindow;
        /// Seconds committee members have to commit their votes, counted from the draw.
        uint64 voteCommitWindow;
        /// Seconds committee members have to reveal, counted from the end of the commit window.
        uint64 voteRevealWindow;
        /// Blocks between opening a wrong-output challenge and the block whose hash seeds its committee.
        uint64 drawDelay;
        /// Target committee size K (fewer when fewer validators are eligible).
        uint16 committeeSize;
        /// Minimum revealed votes as a fraction of the drawn committee (rounded up, at least one vote).
        uint64 quorumWad;
        /// Token bond of an inclusion challenge (may be zero).
        uint256 inclusionBond;
        /// Token bond of a wrong-output challenge (non-zero).
        uint256 wrongOutputBond;
        /// Fraction of the operator's pool slashed for a double-sign.
        uint64 doubleSignSlashWad;
        /// Fraction of the operator's pool slashed for an unanswered inclusion challenge.
        uint64 inclusionSlashWad;
        /// Fraction of the operator's pool slashed for a wrong output.
        uint64 wrongOutputSlashWad;
        /// Fraction of the slashed amount paid as reward (the rest is burnt by the Subnet).
        uint64 challengerRewardWad;
        /// Fraction of the reward pool (slash reward on Mismatch, forfeited bond on Match) paid to the majority voters.
        uint64 committeeShareWad;
        /// Whether a slash also jails the node.
        bool jailOnSlash;
    }

    /// @notice Everything about one challenge (committee and votes: see `committeeOf`, `voteOf`).
    struct Challenge {
        ChallengeKind kind;
        ChallengeStatus status;
        Outcome outcome;
        address challenger;
        /// The node's operator when the challenge was opened (the one slashed or paid).
        address operator;
        /// The disputed receipt (for a double-sign: the first of the two).
        IAuditLog.Receipt receipt;
        /// Its EIP-712 struct hash (the Merkle leaf).
        bytes32 receiptHash;
        uint256 bond;
        uint64 openedAt;
        /// Inclusion: last second at which an answer is accepted.
        uint64 responseDeadline;
        /// Wrong output: the block whose hash seeds the committee draw.
        uint64 seedBlock;
        /// Wrong output: last second for vote commitments.
        uint64 commitDeadline;
        /// Wrong output: last second for reveals.
        uint64 revealDeadline;
        uint16 commits;
        uint16 matchVotes;
        uint16 mismatchVotes;
        /// Wrong output: the seed the committee was drawn from (zero before the draw).
        bytes32 seed;
        /// Amount taken from the operator's pool (zero when not slashed).
        uint256 slashed;
    }

    /// @notice A challenge was opened (for a double-sign: opened and settled in the same call).
    event ChallengeOpened(
        uint256 indexed id,
        ChallengeKind indexed kind,
        address indexed node,
        address operator,
        address challenger,
        IAuditLog.Receipt receipt,
        uint256 bond
    );
    /// @notice A double-sign was proved with two receipts of the same (node, seq).
    event DoubleSignProved(uint256 indexed id, address indexed node, uint64 seq, bytes32 receiptHashA, bytes32 receiptHashB);
    /// @notice The node must prove the receipt's inclusion by `responseDeadline`.
    event InclusionResponseRequested(uint256 indexed id, address indexed node, bytes32 receiptHash, uint64 responseDeadline);
    /// @notice A valid inclusion proof was given by `by`.
    event InclusionProved(uint256 indexed id, address indexed by);
    /// @notice The challenger points committee members to where it serves the input and output data.
    event EvidenceSubmitted(uint256 indexed id, string evidenceUri);
    /// @notice The committee will be drawn from the hash of block `seedBlock` (again if the previous one expired).
    event CommitteeSeedCommitted(uint256 indexed id, uint64 seedBlock);
    /// @notice The committee was drawn; members commit until `commitDeadline`, reveal until `revealDeadline`.
    event CommitteeSelected(uint256 indexed id, address[] members, bytes32 seed, uint64 commitDeadline, uint64 revealDeadline);
    /// @notice A member committed its vote.
    event VoteCommitted(uint256 indexed id, address indexed voter, bytes32 commitment);
    /// @notice A member revealed its vote.
    event VoteRevealed(uint256 indexed id, address indexed voter, Vote vote);
    /// @notice The operator was slashed; `slashed` is the amount taken from its pool.
    event NodeSlashed(uint256 indexed id, address indexed operator, address indexed node, uint64 fractionWad, uint256 slashed);
    /// @notice `amount` tokens were paid to `to` (bond refund, forfeited bond, or slash reward share).
    event Payout(uint256 indexed id, address indexed to, uint256 amount);
    /// @notice The challenge reached its final `outcome`.
    event ChallengeSettled(uint256 indexed id, Outcome outcome);
    /// @notice The owner changed the parameters.
    event ParamsUpdated(Params params);

    /// @notice The signature does not recover to `receipt.node`.
    error ChallengesInvalidSignature(address node, uint64 seq);
    /// @notice The two receipts are not for the same (node, seq) or are identical.
    error ChallengesNotConflicting();
    /// @notice The receipt's signing key belongs to no operator.
    error ChallengesUnknownNode(address node);
    /// @notice A double-sign of this (node, seq) was already proved.
    error ChallengesDoubleSignAlreadyProved(address node, uint64 seq);
    /// @notice An equivalent challenge of the receipt exists (open or decided).
    error ChallengesDuplicateChallenge(uint256 existingId);
    /// @notice The receipt's commit deadline has not passed and no batch covers its seq.
    error ChallengesInclusionNotDue(uint256 commitDeadline);
    /// @notice No challenge with this id.
    error ChallengesUnknownChallenge(uint256 id);
    /// @notice The challenge is not in the status this call needs.
    error ChallengesWrongStatus(uint256 id, ChallengeStatus status);
    /// @notice The deadline of this step has passed.
    error ChallengesDeadlinePassed(uint256 id, uint64 deadline);
    /// @notice The step cannot be finalised before `deadline`.
    error ChallengesDeadlineNotReached(uint256 id, uint64 deadline);
    /// @notice The Merkle proof does not show the receipt in the batch covering its seq.
    error ChallengesInvalidProof(uint256 id);
    /// @notice Neither the signature nor the inclusion proof authenticates the receipt.
    error ChallengesInvalidEvidence();
    /// @notice Only registered validators open wrong-output challenges.
    error ChallengesNotValidator(address account);
    /// @notice The challenger is the node's operator or signing key.
    error ChallengesSelfChallenge(address account);
    /// @notice The seed block is not yet mined (draw possible from block `seedBlock + 1`).
    error ChallengesSeedNotReady(uint256 id, uint64 seedBlock);
    /// @notice The caller is not on the challenge's committee.
    error ChallengesNotCommitteeMember(uint256 id, address account);
    /// @notice The member already committed a vote.
    error ChallengesAlreadyCommitted(uint256 id, address voter);
    /// @notice The commitment is zero.
    error ChallengesZeroCommitment();
    /// @notice The member has no commitment to reveal.
    error ChallengesNotCommitted(uint256 id, address voter);
    /// @notice The member already revealed.
    error ChallengesAlreadyRevealed(uint256 id, address voter);
    /// @notice Reveals open when every member has committed or at `commitDeadline`.
    error ChallengesRevealNotOpen(uint256 id, uint64 commitDeadline);
    /// @notice The vote is neither Match nor Mismatch.
    error ChallengesInvalidVote();
    /// @notice The revealed (vote, salt) does not hash to the commitment.
    error ChallengesCommitmentMismatch(uint256 id, address voter);
    /// @notice A parameter is out of its bounds.
    error ChallengesInvalidParameter(string name);
    /// @notice A constructor address is zero.
    error ChallengesZeroAddress();

    // ---------------------------------------------------------------- actions

    /// @notice Proves that `a.node` signed two different receipts for one seq and slashes its operator at once.
    /// The caller receives the slash reward (`challengerRewardWad` of the slashed amount). The proof is public once
    /// sent, so a front-runner may copy it and take the reward; the node is slashed either way.
    /// @return id the (already settled) challenge's id.
    function proveDoubleSign(
        IAuditLog.Receipt calldata a,
        bytes calldata signatureA,
        IAuditLog.Receipt calldata b,
        bytes calldata signatureB
    ) external returns (uint256 id);

    /// @notice Opens an inclusion challenge of a signed receipt that is due (commit deadline passed, seq covered, or
    /// stamped more than `commitWindow` in the future).
    /// Takes `inclusionBond` tokens from the caller (approve first).
    function openInclusionChallenge(IAuditLog.Receipt calldata receipt, bytes calldata signature)
        external
        returns (uint256 id);

    /// @notice Answers inclusion challenge `id` with the Merkle proof of its receipt in the batch covering its seq.
    /// Anyone may answer; the bond goes to the node's operator.
    function answerInclusionChallenge(uint256 id, bytes32[] calldata proof) external;

    /// @notice Opens a wrong-output challenge; the caller must be a registered validator and posts `wrongOutputBond`
    /// (approve first). The receipt is authenticated by `signature` when it is non-empty, else by the inclusion `proof`.
    /// @param evidenceUri where the challenger serves the request's input and output (may be empty).
    function openWrongOutputChallenge(
        IAuditLog.Receipt calldata receipt,
        bytes calldata signature,
        bytes32[] calldata proof,
        string calldata evidenceUri
    ) external returns (uint256 id);

    /// @notice Draws the committee of wrong-output challenge `id` from the hash of its seed block. Anyone may call it
    /// once the seed block is mined. If the seed block is older than 256 blocks (its hash is gone), commits to a new
    /// future block instead. If no validator is eligible, settles the challenge as NoCommittee.
    function drawCommittee(uint256 id) external;

    /// @notice Commits the caller's vote: `commitment = voteCommitment(id, msg.sender, vote, salt)`.
    function commitVote(uint256 id, bytes32 commitment) external;

    /// @notice Reveals the caller's vote and salt.
    function revealVote(uint256 id, Vote vote, bytes32 salt) external;

    /// @notice Settles an unanswered inclusion challenge after its deadline, or a wrong-output challenge once voting is
    /// over (every member revealed, or the reveal deadline passed). Anyone may call it.
    function finalize(uint256 id) external;

    /// @notice Sets all parameters (owner only). Emits ParamsUpdated.
    function setParams(Params calldata params) external;

    // ---------------------------------------------------------------- reads

    /// @notice The AuditLog that holds the receipt domain and batch roots.
    function auditLog() external view returns (IAuditLog);

    /// @notice The Subnet used for operator lookup, validator stakes and slashing.
    function slashable() external view returns (ISlashable);

    /// @notice The token (VeritensorToken) bonds are posted in and slash rewards are paid in.
    function token() external view returns (IERC20);

    /// @notice The parameters a new deployment starts with.
    function defaultParams() external pure returns (Params memory);

    /// @notice The current parameters.
    function params() external view returns (Params memory);

    /// @notice Number of challenges; ids run from 1 to `challengeCount()`.
    function challengeCount() external view returns (uint256);

    /// @notice Challenge `id` (reverts with ChallengesUnknownChallenge).
    function getChallenge(uint256 id) external view returns (Challenge memory);

    /// @notice Challenges with ids `offset + 1 .. offset + limit`, clamped to the count.
    function getChallenges(uint256 offset, uint256 limit) external view returns (Challenge[] memory);

    /// @notice Ids of every challenge not yet settled (any order): what keepers must draw, answer or finalize.
    function openChallenges() external view returns (uint256[] memory);

    /// @notice Ids of all challenges against signing key `node`, oldest first.
    function challengesAgainst(address node) external view returns (uint256[] memory);

    /// @notice Ids of inclusion challenges of `node` that still await an answer and are not past their deadline.
    function pendingInclusionChallenges(address node) external view returns (uint256[] memory);

    /// @notice The committee of challenge `id` (empty before the draw).
    function committeeOf(uint256 id) external view returns (address[] memory);

    /// @notice Whether `account` is on the committee of challenge `id`.
    function isCommitteeMember(uint256 id, address account) external view returns (bool);

    /// @notice The commitment and revealed vote of `voter` in challenge `id`.
    function voteOf(uint256 id, address voter) external view returns (bytes32 commitment, Vote vote);

    /// @notice Ids of challenges in which `validator` is a member that still has to commit (commit window open) or to
    /// reveal (committed, not revealed, reveal window open).
    function pendingCommitteeDuties(address validator) external view returns (uint256[] memory);

    /// @notice Ids of all challenges whose committee included `validator`, oldest first.
    function committeeMemberships(address validator) external view returns (uint256[] memory);

    /// @notice The vote commitment `keccak256(abi.encode(id, voter, uint8(vote), salt))`.
    function voteCommitment(uint256 id, address voter, Vote vote, bytes32 salt) external pure returns (bytes32);

    /// @notice The committee the stake-weighted draw gives for `seed` over the current validator set, without the
    /// `excluded` accounts, of at most `size` members. `drawCommittee` uses it with
    /// `seed = keccak256(abi.encode(blockhash(seedBlock), id))` and excluded = [challenger, operator, node].
    function sampleCommittee(bytes32 seed, address[] calldata excluded, uint256 size)
        external
        view
        returns (address[] memory);
}
