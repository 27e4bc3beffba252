// The client object: every SDK action bound to one ClientContext.
import type { ClientContext } from "./ClientContext.js";
import { discoverNodes } from "./discoverNodes.js";
import { infer } from "./infer.js";
import { getModel, listModels } from "./listModels.js";
import { listNodes } from "./listNodes.js";
import { readEvents } from "./readEvents.js";
import { resolveModel } from "./resolveModel.js";
import { waitForInclusion } from "./waitForInclusion.js";

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
