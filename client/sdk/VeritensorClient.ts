// The client object: every SDK action bound to one ClientContext.
import type { ClientContext } from "./ClientContext.js";
import { discoverNodes } from "./discoverNodes.js";
import { infer } from "./infer.js";
import { getModel, listModels } from "./listModels.js";
import { listNodes } from "./listNodes.js";
import { readEvents } from "./readEvents.js";
import { resolveModel } from "./resolveModel.js";
import { waitForInclusion } from "./waitForInclusion.js";
import { verifyReceipt } from "./verifyReceipt.js";
import { registerModel } from "./registerModel.js";
import { listValidators } from "./listValidators.js";
import { epochInfo } from "./epochInfo.js";
import { claim, delegate, positions, undelegate, withdraw } from "./staking/stakeActions.js";
import { proveDoubleSign } from "./challenges/proveDoubleSign.js";
import { challengeInclusion } from "./challenges/challengeInclusion.js";
import { answerInclusionChallenge } from "./challenges/answerInclusionChallenge.js";
import { challengeOutput } from "./challenges/challengeOutput.js";
import { commitChallengeVote, drawCommittee, finalizeChallenge, revealChallengeVote } from "./challenges/committeeActions.js";
import { listChallenges } from "./challenges/listChallenges.js";
import { registerNode } from "./operators/registerNode.js";
import { registerValidator } from "./validators/registerValidator.js";
import { commitWeights, epochResults, finalizeEpochs, revealWeights } from "./validators/weightActions.js";

type Tail<F> = F extends (ctx: ClientContext, ...rest: infer R) => infer O ? (...rest: R) => O : never;

const actions = {
  listModels,
  getModel,
  resolveModel,
  listNodes,
  discoverNodes,
  infer,
  waitForInclusion,
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
