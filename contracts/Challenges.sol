// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IAuditLog} from "./interfaces/IAuditLog.sol";
import {ISlashable} from "./interfaces/ISlashable.sol";
import {IChallenges} from "./interfaces/IChallenges.sol";

/// @title Challenges
/// @notice Disputes contract: double-sign proofs, inclusion challenges and wrong-output committees (see IChallenges).
/// @dev Must hold the Subnet's slasher role. Committee randomness: the seed is the hash of a block chosen at opening
/// (`block.number + drawDelay`), mixed with the challenge id. Nobody knows it when the challenge is opened, and it does
/// not depend on who calls `drawCommittee` or when. Its limit is the usual one of blockhash randomness: the proposer of
/// the seed block can withhold that block (forgoing its reward) to re-roll once; prevrandao would have the same
/// proposer bias and cannot be read for a past block. A stalled draw does not help either party: both the challenger
/// and the operator (and every validator) can call `drawCommittee`; only after 256 blocks, when the hash is gone, does
/// the draw commit to a new future block. The draw iterates over the whole validator set (O(K * validators)).
contract Challenges is IChallenges, Ownable2Step, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant WAD = 1e18;
    uint16 private constant MAX_COMMITTEE = 32;
    uint64 private constant MIN_WINDOW = 10;
    uint64 private constant MAX_WINDOW = 30 days;
    uint64 private constant MAX_DRAW_DELAY = 64;

    struct Ballot {
        bytes32 commitment;
        Vote vote;
    }

    IAuditLog private immutable _auditLog;
    ISlashable private immutable _slashable;
    IERC20 private immutable _token;

    Params private _params;
    uint256 private _count;
    mapping(uint256 id => Challenge) private _challenges;
    mapping(uint256 id => address[]) private _committees;
    mapping(uint256 id => mapping(address voter => Ballot)) private _ballots;
    mapping(uint256 id => mapping(address account => bool)) private _isMember;
    mapping(address node => uint256[]) private _againstNode;
    uint256[] private _openIds;
    mapping(uint256 id => uint256 indexPlusOne) private _openIndex;
    mapping(address validator => uint256[]) private _memberships;
    mapping(address node => mapping(uint64 seq => bool)) private _doubleSignProved;
    mapping(bytes32 receiptHash => uint256 id) private _inclusionOf;
    mapping(bytes32 receiptHash => uint256 id) private _wrongOutputOf;

    /// @param auditLog_ the AuditLog holding the receipt domain and batch roots.
    /// @param slashable_ the Subnet (operator lookup, validator stakes, slashing).
    /// @param token_ the staking token (VeritensorToken) in which bonds are posted and slash rewards are paid.
    /// @param initialOwner who may change the parameters. Parameters start at `defaultParams()`.
    constructor(IAuditLog auditLog_, ISlashable slashable_, IERC20 token_, address initialOwner)
        Ownable(initialOwner)
    {
        if (address(auditLog_) == address(0) || address(slashable_) == address(0) || address(token_) == address(0)) {
            revert ChallengesZeroAddress();
        }
        _auditLog = auditLog_;
        _slashable = slashable_;
        _token = token_;
        _setParams(defaultParams());
    }

    /// @inheritdoc IChallenges
    /// @dev Commit window 1 h, response window 1 h, vote commit and
    /// reveal windows 10 min each, draw delay 1 block, committee of 5 with quorum 50%, bonds 1 token (inclusion) and
    /// 100 tokens (wrong output), slashes 50% (double-sign) / 10% (inclusion) / 10% (wrong output), 50% of the slashed
    /// amount as reward, 50% of a reward pool to the voters, jail on slash.
    function defaultParams() public pure returns (Params memory) {
        return Params({
            commitWindow: 1 hours,
            responseWindow: 1 hours,
            voteCommitWindow: 10 minutes,
            voteRevealWindow: 10 minutes,
            drawDelay: 1,
            committeeSize: 5,
            quorumWad: 0.5e18,
            inclusionBond: 1e18,
            wrongOutputBond: 100e18,
            doubleSignSlashWad: 0.5e18,
            inclusionSlashWad: 0.1e18,
            wrongOutputSlashWad: 0.1e18,
            challengerRewardWad: 0.5e18,
            committeeShareWad: 0.5e18,
            jailOnSlash: true
        });
    }

    // ------------------------------------------------------------------ double-sign

    /// @inheritdoc IChallenges
    function proveDoubleSign(
        IAuditLog.Receipt calldata a,
        bytes calldata signatureA,
        IAuditLog.Receipt calldata b,
        bytes calldata signatureB
    ) external nonReentrant returns (uint256 id) {
        bytes32 hashA = _auditLog.hashReceipt(a);
        bytes32 hashB = _auditLog.hashReceipt(b);
        if (a.node != b.node || a.seq != b.seq || hashA == hashB) revert ChallengesNotConflicting();
        _requireSigned(a, signatureA);
        _requireSigned(b, signatureB);
        if (_doubleSignProved[a.node][a.seq]) revert ChallengesDoubleSignAlreadyProved(a.node, a.seq);
        address operator = _operatorOf(a.node);

        _doubleSignProved[a.node][a.seq] = true;
        id = _openChallenge(ChallengeKind.DoubleSign, a, hashA, operator, 0);
        emit DoubleSignProved(id, a.node, a.seq, hashA, hashB);
        _slash(id, _params.doubleSignSlashWad, msg.sender);
        _settle(id, Outcome.DoubleSigned);
    }

    // ------------------------------------------------------------------ inclusion

    /// @inheritdoc IChallenges
    function openInclusionChallenge(IAuditLog.Receipt calldata receipt, bytes calldata signature)
        external
        nonReentrant
        returns (uint256 id)
    {
        _requireSigned(receipt, signature);
        bytes32 leaf = _auditLog.hashReceipt(receipt);
        if (_inclusionOf[leaf] != 0) revert ChallengesDuplicateChallenge(_inclusionOf[leaf]);
        (bool covered,,) = _auditLog.findBatch(receipt.node, receipt.seq);
        // A receipt stamped more than a commit window ahead of now is due at once: the node chose a timestamp that
        // would otherwise postpone its deadline (uint256 math: a uint64 timestamp near the maximum cannot overflow).
        uint256 commitDeadline = uint256(receipt.timestamp) + _params.commitWindow;
        bool futureStamped = receipt.timestamp > block.timestamp + _params.commitWindow;
        if (!covered && !futureStamped && block.timestamp <= commitDeadline) revert ChallengesInclusionNotDue(commitDeadline);
        address operator = _operatorOf(receipt.node);

        uint256 bond = _params.inclusionBond;
        id = _openChallenge(ChallengeKind.Inclusion, receipt, leaf, operator, bond);
        _inclusionOf[leaf] = id;
        Challenge storage c = _challenges[id];
        c.status = ChallengeStatus.AwaitingResponse;
        c.responseDeadline = uint64(block.timestamp) + _params.responseWindow;
        emit InclusionResponseRequested(id, receipt.node, leaf, c.responseDeadline);
        if (bond != 0) _token.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @inheritdoc IChallenges
    function answerInclusionChallenge(uint256 id, bytes32[] calldata proof) external nonReentrant {
        Challenge storage c = _get(id);
        _requireStatus(id, c, ChallengeStatus.AwaitingResponse);
        if (block.timestamp > c.responseDeadline) revert ChallengesDeadlinePassed(id, c.responseDeadline);
        if (!_auditLog.verifyReceipt(c.receipt, proof)) revert ChallengesInvalidProof(id);
        emit InclusionProved(id, msg.sender);
        _settle(id, Outcome.InclusionProved);
        _pay(id, c.operator, c.bond);
    }

    // ------------------------------------------------------------------ wrong output

    /// @inheritdoc IChallenges
    function openWrongOutputChallenge(
        IAuditLog.Receipt calldata receipt,
        bytes calldata signature,
        bytes32[] calldata proof,
        string calldata evidenceUri
    ) external nonReentrant returns (uint256 id) {
        if (!_slashable.isValidator(msg.sender)) revert ChallengesNotValidator(msg.sender);
        bool authentic = signature.length != 0
            ? _auditLog.isValidReceiptSignature(receipt, signature)
            : _auditLog.verifyReceipt(receipt, proof);
        if (!authentic) revert ChallengesInvalidEvidence();
        address operator = _operatorOf(receipt.node);
        if (msg.sender == operator || msg.sender == receipt.node) revert ChallengesSelfChallenge(msg.sender);
        bytes32 leaf = _auditLog.hashReceipt(receipt);
        uint256 previous = _wrongOutputOf[leaf];
        if (previous != 0 && !_isInconclusive(_challenges[previous].outcome)) revert ChallengesDuplicateChallenge(previous);

        uint256 bond = _params.wrongOutputBond;
        id = _openChallenge(ChallengeKind.WrongOutput, receipt, leaf, operator, bond);
        _wrongOutputOf[leaf] = id;
        Challenge storage c = _challenges[id];
        c.status = ChallengeStatus.AwaitingCommittee;
        _commitSeed(id, c);
        if (bytes(evidenceUri).length != 0) emit EvidenceSubmitted(id, evidenceUri);
        _token.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @inheritdoc IChallenges
    function drawCommittee(uint256 id) external nonReentrant {
        Challenge storage c = _get(id);
        _requireStatus(id, c, ChallengeStatus.AwaitingCommittee);
        if (block.number <= c.seedBlock) revert ChallengesSeedNotReady(id, c.seedBlock);
        bytes32 blockHash = blockhash(c.seedBlock);
        if (blockHash == bytes32(0)) {
            // Older than 256 blocks: the hash is gone; commit to a new future block.
            _commitSeed(id, c);
            return;
        }
        bytes32 seed = keccak256(abi.encode(blockHash, id));
        address[] memory excluded = new address[](3);
        excluded[0] = c.challenger;
        excluded[1] = c.operator;
        excluded[2] = c.receipt.node;
        address[] memory members = _sample(seed, excluded, _params.committeeSize);
        c.seed = seed;
        if (members.length == 0) {
            _settle(id, Outcome.NoCommittee);
            _pay(id, c.challenger, c.bond);
            return;
        }
        for (uint256 i = 0; i < members.length; ++i) {
            _committees[id].push(members[i]);
            _isMember[id][members[i]] = true;
            _memberships[members[i]].push(id);
        }
        c.status = ChallengeStatus.Voting;
        c.commitDeadline = uint64(block.timestamp) + _params.voteCommitWindow;
        c.revealDeadline = c.commitDeadline + _params.voteRevealWindow;
        emit CommitteeSelected(id, members, seed, c.commitDeadline, c.revealDeadline);
    }

    /// @inheritdoc IChallenges
    function commitVote(uint256 id, bytes32 commitment) external {
        Challenge storage c = _get(id);
        _requireStatus(id, c, ChallengeStatus.Voting);
        if (!_isMember[id][msg.sender]) revert ChallengesNotCommitteeMember(id, msg.sender);
        if (block.timestamp > c.commitDeadline) revert ChallengesDeadlinePassed(id, c.commitDeadline);
        if (commitment == bytes32(0)) revert ChallengesZeroCommitment();
        Ballot storage ballot = _ballots[id][msg.sender];
        if (ballot.commitment != bytes32(0)) revert ChallengesAlreadyCommitted(id, msg.sender);
        ballot.commitment = commitment;
        ++c.commits;
        emit VoteCommitted(id, msg.sender, commitment);
    }

    /// @inheritdoc IChallenges
    function revealVote(uint256 id, Vote vote, bytes32 salt) external {
        Challenge storage c = _get(id);
        _requireStatus(id, c, ChallengeStatus.Voting);
        if (!_isMember[id][msg.sender]) revert ChallengesNotCommitteeMember(id, msg.sender);
        Ballot storage ballot = _ballots[id][msg.sender];
        if (ballot.commitment == bytes32(0)) revert ChallengesNotCommitted(id, msg.sender);
        if (ballot.vote != Vote.None) revert ChallengesAlreadyRevealed(id, msg.sender);
        if (block.timestamp <= c.commitDeadline && c.commits < _committees[id].length) {
            revert ChallengesRevealNotOpen(id, c.commitDeadline);
        }
        if (block.timestamp > c.revealDeadline) revert ChallengesDeadlinePassed(id, c.revealDeadline);
        if (vote == Vote.None) revert ChallengesInvalidVote();
        if (voteCommitment(id, msg.sender, vote, salt) != ballot.commitment) {
            revert ChallengesCommitmentMismatch(id, msg.sender);
        }
        ballot.vote = vote;
        if (vote == Vote.Match) ++c.matchVotes;
        else ++c.mismatchVotes;
        emit VoteRevealed(id, msg.sender, vote);
    }

    // ------------------------------------------------------------------ settlement

    /// @inheritdoc IChallenges
    function finalize(uint256 id) external nonReentrant {
        Challenge storage c = _get(id);
        if (c.status == ChallengeStatus.AwaitingResponse) {
            if (block.timestamp <= c.responseDeadline) revert ChallengesDeadlineNotReached(id, c.responseDeadline);
            _slash(id, _params.inclusionSlashWad, c.challenger);
            _settle(id, Outcome.InclusionUnanswered);
            _pay(id, c.challenger, c.bond);
        } else if (c.status == ChallengeStatus.Voting) {
            uint256 size = _committees[id].length;
            if (block.timestamp <= c.revealDeadline && uint256(c.matchVotes) + c.mismatchVotes < size) {
                revert ChallengesDeadlineNotReached(id, c.revealDeadline);
            }
            _settleVote(id, c, size);
        } else {
            revert ChallengesWrongStatus(id, c.status);
        }
    }

    /// @dev Applies the committee's verdict (see IChallenges for the money flows).
    function _settleVote(uint256 id, Challenge storage c, uint256 size) private {
        uint256 revealed = uint256(c.matchVotes) + c.mismatchVotes;
        uint256 quorum = Math.max(1, Math.mulDiv(size, _params.quorumWad, WAD, Math.Rounding.Ceil));
        if (revealed < quorum || c.matchVotes == c.mismatchVotes) {
            _settle(id, revealed < quorum ? Outcome.NoQuorum : Outcome.Tie);
            _pay(id, c.challenger, c.bond);
        } else if (c.mismatchVotes > c.matchVotes) {
            _settle(id, Outcome.Mismatch);
            uint256 before = _token.balanceOf(address(this));
            _slash(id, _params.wrongOutputSlashWad, address(this));
            uint256 reward = _token.balanceOf(address(this)) - before;
            uint256 paidToVoters = _payVoters(id, Vote.Mismatch, c.mismatchVotes, reward);
            _pay(id, c.challenger, c.bond + reward - paidToVoters);
        } else {
            _settle(id, Outcome.Match);
            uint256 paidToVoters = _payVoters(id, Vote.Match, c.matchVotes, c.bond);
            _pay(id, c.operator, c.bond - paidToVoters);
        }
    }

    /// @dev Pays `committeeShareWad` of `pool`, split equally, to the members who revealed `majority`.
    /// @return paid what was paid in total (the share rounded down to a multiple of `voters`).
    function _payVoters(uint256 id, Vote majority, uint256 voters, uint256 pool) private returns (uint256 paid) {
        uint256 each = Math.mulDiv(pool, _params.committeeShareWad, WAD) / voters;
        if (each == 0) return 0;
        address[] storage members = _committees[id];
        for (uint256 i = 0; i < members.length; ++i) {
            if (_ballots[id][members[i]].vote == majority) {
                _pay(id, members[i], each);
                paid += each;
            }
        }
    }

    // ------------------------------------------------------------------ owner

    /// @inheritdoc IChallenges
    function setParams(Params calldata newParams) external onlyOwner {
        _setParams(newParams);
    }

    // ------------------------------------------------------------------ reads

    /// @inheritdoc IChallenges
    function auditLog() external view returns (IAuditLog) {
        return _auditLog;
    }

    /// @inheritdoc IChallenges
    function slashable() external view returns (ISlashable) {
        return _slashable;
    }

    /// @inheritdoc IChallenges
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IChallenges
    function params() external view returns (Params memory) {
        return _params;
    }

    /// @inheritdoc IChallenges
    function challengeCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc IChallenges
    function getChallenge(uint256 id) external view returns (Challenge memory) {
        return _get(id);
    }

    /// @inheritdoc IChallenges
    function getChallenges(uint256 offset, uint256 limit) external view returns (Challenge[] memory list) {
        uint256 n = offset >= _count ? 0 : Math.min(limit, _count - offset);
        list = new Challenge[](n);
        for (uint256 i = 0; i < n; ++i) {
            list[i] = _challenges[offset + i + 1];
        }
    }

    /// @inheritdoc IChallenges
    function openChallenges() external view returns (uint256[] memory) {
        return _openIds;
    }

    /// @inheritdoc IChallenges
    function challengesAgainst(address node) external view returns (uint256[] memory) {
        return _againstNode[node];
    }

    /// @inheritdoc IChallenges
    function pendingInclusionChallenges(address node) external view returns (uint256[] memory) {
        uint256[] storage all = _againstNode[node];
        uint256[] memory ids = new uint256[](all.length);
        uint256 n;
        for (uint256 i = 0; i < all.length; ++i) {
            Challenge storage c = _challenges[all[i]];
            if (c.status == ChallengeStatus.AwaitingResponse && block.timestamp <= c.responseDeadline) ids[n++] = all[i];
        }
        return _truncate(ids, n);
    }

    /// @inheritdoc IChallenges
    function committeeOf(uint256 id) external view returns (address[] memory) {
        _get(id);
        return _committees[id];
    }

    /// @inheritdoc IChallenges
    function isCommitteeMember(uint256 id, address account) external view returns (bool) {
        return _isMember[id][account];
    }

    /// @inheritdoc IChallenges
    function voteOf(uint256 id, address voter) external view returns (bytes32 commitment, Vote vote) {
        Ballot storage ballot = _ballots[id][voter];
        return (ballot.commitment, ballot.vote);
    }

    /// @inheritdoc IChallenges
    function pendingCommitteeDuties(address validator) external view returns (uint256[] memory) {
        uint256[] storage all = _memberships[validator];
        uint256[] memory ids = new uint256[](all.length);
        uint256 n;
        for (uint256 i = 0; i < all.length; ++i) {
            Challenge storage c = _challenges[all[i]];
            if (c.status != ChallengeStatus.Voting) continue;
            Ballot storage ballot = _ballots[all[i]][validator];
            bool mustCommit = ballot.commitment == bytes32(0) && block.timestamp <= c.commitDeadline;
            bool mustReveal =
                ballot.commitment != bytes32(0) && ballot.vote == Vote.None && block.timestamp <= c.revealDeadline;
            if (mustCommit || mustReveal) ids[n++] = all[i];
        }
        return _truncate(ids, n);
    }

    /// @inheritdoc IChallenges
    function committeeMemberships(address validator) external view returns (uint256[] memory) {
        return _memberships[validator];
    }

    /// @inheritdoc IChallenges
    function voteCommitment(uint256 id, address voter, Vote vote, bytes32 salt) public pure returns (bytes32) {
        return keccak256(abi.encode(id, voter, uint8(vote), salt));
    }

    /// @inheritdoc IChallenges
    function sampleCommittee(bytes32 seed, address[] calldata excluded, uint256 size)
        external
        view
        returns (address[] memory)
    {
        return _sample(seed, excluded, size);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Weighted sampling without replacement: pick i draws a point in [0, remaining stake) from
    /// keccak256(seed, i) and takes the validator whose cumulative-stake interval holds it, then removes it.
    /// Zero-stake and excluded validators never enter the pool. The modulo bias is below stake / 2^256.
    function _sample(bytes32 seed, address[] memory excluded, uint256 size)
        private
        view
        returns (address[] memory members)
    {
        (address[] memory validators, uint256[] memory stakes) = _slashable.validatorStakes();
        uint256 n;
        uint256 total;
        for (uint256 i = 0; i < validators.length; ++i) {
            if (stakes[i] == 0 || _contains(excluded, validators[i]) || _contains(validators, validators[i], n)) {
                continue;
            }
            validators[n] = validators[i];
            stakes[n] = stakes[i];
            total += stakes[i];
            ++n;
        }
        uint256 m = Math.min(size, n);
        members = new address[](m);
        for (uint256 pick = 0; pick < m; ++pick) {
            uint256 point = uint256(keccak256(abi.encode(seed, pick))) % total;
            uint256 j;
            // `point < total` = sum of stakes[0..n), so the walk stops at some j < n.
            while (point >= stakes[j]) {
                point -= stakes[j];
                ++j;
            }
            members[pick] = validators[j];
            total -= stakes[j];
            --n;
            validators[j] = validators[n];
            stakes[j] = stakes[n];
        }
    }

    function _contains(address[] memory list, address account) private pure returns (bool) {
        return _contains(list, account, list.length);
    }

    function _contains(address[] memory list, address account, uint256 length) private pure returns (bool) {
        for (uint256 i = 0; i < length; ++i) {
            if (list[i] == account) return true;
        }
        return false;
    }

    function _openChallenge(
        ChallengeKind kind,
        IAuditLog.Receipt calldata receipt,
        bytes32 leaf,
        address operator,
        uint256 bond
    ) private returns (uint256 id) {
        id = ++_count;
        Challenge storage c = _challenges[id];
        c.kind = kind;
        c.challenger = msg.sender;
        c.operator = operator;
        c.receipt = receipt;
        c.receiptHash = leaf;
        c.bond = bond;
        c.openedAt = uint64(block.timestamp);
        _againstNode[receipt.node].push(id);
        _openIds.push(id);
        _openIndex[id] = _openIds.length;
        emit ChallengeOpened(id, kind, receipt.node, operator, msg.sender, receipt, bond);
    }

    function _commitSeed(uint256 id, Challenge storage c) private {
        c.seedBlock = uint64(block.number) + _params.drawDelay;
        emit CommitteeSeedCommitted(id, c.seedBlock);
    }

    function _slash(uint256 id, uint64 fractionWad, address beneficiary) private {
        Challenge storage c = _challenges[id];
        uint256 slashed =
            _slashable.slash(c.operator, fractionWad, _params.challengerRewardWad, beneficiary, _params.jailOnSlash);
        c.slashed = slashed;
        emit NodeSlashed(id, c.operator, c.receipt.node, fractionWad, slashed);
    }

    function _settle(uint256 id, Outcome outcome) private {
        Challenge storage c = _challenges[id];
        c.status = ChallengeStatus.Settled;
        c.outcome = outcome;
        // Swap-and-pop `id` out of the open list; every opened id is in it until it settles (once).
        uint256 index = _openIndex[id] - 1;
        uint256 last = _openIds[_openIds.length - 1];
        _openIds[index] = last;
        _openIndex[last] = index + 1;
        _openIds.pop();
        delete _openIndex[id];
        emit ChallengeSettled(id, outcome);
    }

    function _pay(uint256 id, address to, uint256 amount) private {
        if (amount == 0) return;
        _token.safeTransfer(to, amount);
        emit Payout(id, to, amount);
    }

    function _requireSigned(IAuditLog.Receipt calldata receipt, bytes calldata signature) private view {
        if (!_auditLog.isValidReceiptSignature(receipt, signature)) {
            revert ChallengesInvalidSignature(receipt.node, receipt.seq);
        }
    }

    function _operatorOf(address node) private view returns (address operator) {
        operator = _slashable.operatorOfSigner(node);
        if (operator == address(0)) revert ChallengesUnknownNode(node);
    }

    function _get(uint256 id) private view returns (Challenge storage c) {
        if (id == 0 || id > _count) revert ChallengesUnknownChallenge(id);
        return _challenges[id];
    }

    function _requireStatus(uint256 id, Challenge storage c, ChallengeStatus status) private view {
        if (c.status != status) revert ChallengesWrongStatus(id, c.status);
    }

    function _isInconclusive(Outcome outcome) private pure returns (bool) {
        return outcome == Outcome.Tie || outcome == Outcome.NoQuorum || outcome == Outcome.NoCommittee;
    }

    function _truncate(uint256[] memory ids, uint256 n) private pure returns (uint256[] memory) {
        assembly ("memory-safe") {
            mstore(ids, n)
        }
        return ids;
    }

    function _setParams(Params memory p) private {
        _checkWindow(p.commitWindow, "commitWindow");
        _checkWindow(p.responseWindow, "responseWindow");
        _checkWindow(p.voteCommitWindow, "voteCommitWindow");
        _checkWindow(p.voteRevealWindow, "voteRevealWindow");
        if (p.drawDelay == 0 || p.drawDelay > MAX_DRAW_DELAY) revert ChallengesInvalidParameter("drawDelay");
        if (p.committeeSize == 0 || p.committeeSize > MAX_COMMITTEE) revert ChallengesInvalidParameter("committeeSize");
        if (p.quorumWad == 0 || p.quorumWad > WAD) revert ChallengesInvalidParameter("quorumWad");
        if (p.wrongOutputBond == 0) revert ChallengesInvalidParameter("wrongOutputBond");
        if (p.inclusionBond > p.wrongOutputBond) revert ChallengesInvalidParameter("inclusionBond");
        _checkFraction(p.doubleSignSlashWad, "doubleSignSlashWad");
        _checkFraction(p.inclusionSlashWad, "inclusionSlashWad");
        _checkFraction(p.wrongOutputSlashWad, "wrongOutputSlashWad");
        if (p.challengerRewardWad > WAD) revert ChallengesInvalidParameter("challengerRewardWad");
        if (p.committeeShareWad > WAD) revert ChallengesInvalidParameter("committeeShareWad");
        _params = p;
        emit ParamsUpdated(p);
    }

    function _checkWindow(uint64 window, string memory name) private pure {
        if (window < MIN_WINDOW || window > MAX_WINDOW) revert ChallengesInvalidParameter(name);
    }

    function _checkFraction(uint64 fraction, string memory name) private pure {
        if (fraction == 0 || fraction > WAD) revert ChallengesInvalidParameter(name);
    }
}
