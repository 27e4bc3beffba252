// Package entry of the Veritensor SDK: the client, its actions as functions, types and errors.

// client
export { createClient, type CreateClientParameters } from "./createClient.js";
export { bindClient, type VeritensorClient } from "./VeritensorClient.js";
export { type ClientContext } from "./ClientContext.js";
export { type DeploymentAddresses, type DeployedModel } from "./DeploymentAddresses.js";
export { loadDeploymentAddresses } from "./loadDeploymentAddresses.js";
export { loadContractAbi } from "./loadContractAbi.js";

// dApps: models, nodes, inference, receipts, inclusion
export { type ModelInfo } from "./ModelInfo.js";
export { listModels } from "./listModels.js";
export { getModel } from "./getModel.js";
export { resolveModel } from "./resolveModel.js";
export { registerModel, type RegisterModelParameters } from "./registerModel.js";
export { modelHashOf } from "./modelHashOf.js";
export { DEFAULT_MODEL_POLICY } from "./DEFAULT_MODEL_POLICY.js";
export { type NodeInfo, type NodeStats } from "./NodeInfo.js";
export { listNodes } from "./listNodes.js";
export { discoverNodes, type DiscoverNodesParameters } from "./discoverNodes.js";
export { rankNodes, type NodePreference } from "./rankNodes.js";
export { readNodeStats } from "./readNodeStats.js";
export { infer, type InferParameters, type InferReturnType } from "./infer.js";
export { buildInferRequest, type BuildInferRequestParameters, type InferRequest } from "./oip/buildInferRequest.js";
export { parseInferResponse, type InferResponse } from "./oip/parseInferResponse.js";
export { verifyInferenceReceipt, type VerifyInferenceReceiptParameters } from "./verifyInferenceReceipt.js";
export { waitForInclusion, type WaitForInclusionParameters, type InclusionProof } from "./waitForInclusion.js";
export { verifyInclusion } from "./verifyInclusion.js";
export { verifyReceipt } from "./verifyReceipt.js";
export { toContractReceipt, type ContractReceipt } from "../disputes/toContractReceipt.js";
export { readEvents } from "./readEvents.js";
export { type ChainEvent } from "./ChainEvent.js";

// challenges
export { proveDoubleSign } from "./challenges/proveDoubleSign.js";
export { challengeInclusion } from "./challenges/challengeInclusion.js";
export { answerInclusionChallenge } from "./challenges/answerInclusionChallenge.js";
export { challengeOutput, type ChallengeOutputParameters } from "./challenges/challengeOutput.js";
export { drawCommittee } from "./challenges/drawCommittee.js";
export { commitChallengeVote } from "./challenges/commitChallengeVote.js";
export { revealChallengeVote } from "./challenges/revealChallengeVote.js";
export { finalizeChallenge } from "./challenges/finalizeChallenge.js";
export { CHALLENGE_OUTCOMES } from "./challenges/CHALLENGE_OUTCOMES.js";
export { type ChallengeVote } from "./challenges/ChallengeVote.js";
export { listChallenges, type ChallengeInfo } from "./challenges/listChallenges.js";

// stakers
export { delegate } from "./staking/delegate.js";
export { undelegate } from "./staking/undelegate.js";
export { withdraw } from "./staking/withdraw.js";
export { claim } from "./staking/claim.js";
export { positions } from "./staking/positions.js";
export { type StakePosition, type UnbondingEntry } from "./staking/StakePosition.js";

// operators and validators
export { registerNode, type RegisterNodeParameters } from "./operators/registerNode.js";
export { registerValidator } from "./validators/registerValidator.js";
export { type ValidatorInfo } from "./ValidatorInfo.js";
export { listValidators } from "./listValidators.js";
export { epochInfo, type EpochInfo } from "./epochInfo.js";
export { commitWeights } from "./validators/commitWeights.js";
export { revealWeights } from "./validators/revealWeights.js";
export { finalizeEpochs, type FinalizeEpochsProgress } from "./validators/finalizeEpochs.js";
export { epochResults, type EpochResultsInfo } from "./validators/epochResults.js";
export { type Weights } from "./validators/Weights.js";
export { weightsCommitHash } from "./validators/weightsCommitHash.js";

// errors
export { SdkError, type SdkErrorOptions } from "./errors/SdkError.js";
export { ArtifactNotFoundError } from "./errors/ArtifactNotFoundError.js";
export { ContractCallError } from "./errors/ContractCallError.js";
export { InclusionProofError } from "./errors/InclusionProofError.js";
export { InclusionTimeoutError } from "./errors/InclusionTimeoutError.js";
export { InvalidDeploymentError } from "./errors/InvalidDeploymentError.js";
export { NoNodesAvailableError } from "./errors/NoNodesAvailableError.js";
export { NodeRequestError } from "./errors/NodeRequestError.js";
export { ReceiptFieldMismatchError } from "./errors/ReceiptFieldMismatchError.js";
export { ReceiptMissingError } from "./errors/ReceiptMissingError.js";
export { ReceiptSignatureMismatchError } from "./errors/ReceiptSignatureMismatchError.js";
export { SignerRequiredError } from "./errors/SignerRequiredError.js";
export { UnknownModelError } from "./errors/UnknownModelError.js";
