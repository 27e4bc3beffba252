// The client object: every SDK action bound to one ClientContext.
import type { ClientContext } from "./ClientContext.js";
import { discoverNodes } from "./discoverNodes.js";
import { infer } from "./infer.js";
import { listModels } from "./listModels.js";
import { getModel } from "./getModel.js";
import { listNodes } from "./listNodes.js";
import { readEvents } from "./readEvents.js";
import { resolveModel } from "./resolveModel.js";
import { waitForInclusion } from "./waitForInclusion.js";
import { verifyInclusion } from "./verifyInclusion.js";
import { verifyReceipt } from "./verifyReceipt.js";
import { registerModel } from "./registerModel.js";
import { listValidators } from "./listValidators.js";
import { epochInfo } from "./epochInfo.js";
import { delegate } from "./staking/delegate.js";
import { undelegate } from "./staking/undelegate.js";
import { withdraw } from "./staking/withdraw.js";
import { claim } from "./staking/claim.js";
import { positions } from "./staking/positions.js";
import { proveDoubleSign } from "./challenges/proveDoubleSign.js";
import { challengeInclusion } from "./challenges/challengeInclusion.js";
import { answerInclusionChallenge } from "./challenges/answerInclusionChallenge.js";
import { challengeOutput } from "./challenges/challengeOutput.js";
import { drawCommittee } from "./challenges/drawCommittee.js";
import { commitChallengeVote } from "./challenges/commitChallengeVote.js";
import { revealChallengeVote } from "./challenges/revealChallengeVote.js";
import { finalizeChallenge } from "./challenges/finalizeChallenge.js";
import { listChallenges } from "./challenges/listChallenges.js";
import { registerNode } from "./operators/registerNode.js";
import { registerValidator } from "./validators/registerValidator.js";
import { commitWeights } from "./validators/commitWeights.js";
import { revealWeights } from "./validators/revealWeights.js";
import { finalizeEpochs } from "./validators/finalizeEpochs.js";
import { epochResults } from "./validators/epochResults.js";

type Tail<F> = F extends (ctx: ClientContext, ...rest: infer R) => infer O ? (...rest: R) => O : never;

const actions = {
  listModels,
  getModel,
  resolveModel,
  listNodes,
  discoverNodes,
  infer,
  waitForInclusion,
  verifyInclusion,
  readEvents,
  verifyReceipt,
  registerModel,
  listValidators,
  epochInfo,
  delegate,
  undelegate,
  withdraw,
  claim,
  positions,
  proveDoubleSign,
  challengeInclusion,
  answerInclusionChallenge,
  challengeOutput,
  drawCommittee,
  commitChallengeVote,
  revealChallengeVote,
  finalizeChallenge,
  listChallenges,
  registerNode,
  registerValidator,
  commitWeights,
  revealWeights,
  finalizeEpochs,
  epochResults,
};

/** A Veritensor client: the actions below with the chain, contracts and signer already bound. */
export type VeritensorClient = { [K in keyof typeof actions]: Tail<(typeof actions)[K]> } & {
  /** The underlying context (provider, signer, contracts, receipt domain). */
  readonly context: ClientContext;
};

/**
 * Binds every action to `ctx`.
 *
 * @example
 * const client = bindClient(ctx); await client.listModels();
 */
export function bindClient(ctx: ClientContext): VeritensorClient {
  const bound: Record<string, unknown> = { context: ctx };
  for (const [name, fn] of Object.entries(actions)) bound[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(ctx, ...args);
  return bound as VeritensorClient;
}
