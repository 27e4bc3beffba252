// Registers the caller as a node operator in the Subnet, with self-stake and published parameters.
import type { ClientContext } from "../ClientContext.js";
import { ensureAllowance } from "../internal/ensureAllowance.js";
import { findEvent } from "../internal/findEvent.js";
import { sendTransaction } from "../internal/sendTransaction.js";

/** Parameters of {@link registerNode}. */
export interface RegisterNodeParameters {
  /** The node's receipt-signing key (not the operator key). */
  signer: string;
  /** Its Open Inference Protocol v2 base URL. */
  endpoint: string;
  /** Price per inference in token base units. */
  price: bigint;
  region: string;
  energySource: string;
  /** Grid carbon intensity in gCO2e/kWh. */
  carbonIntensity: number;
  /** Self-stake pulled from the caller (approved first); at least the Subnet's minNodeStake. */
  selfStake: bigint;
}

/**
 * Registers the client's account as a node operator. Its signing key may then commit receipt
 * batches to the AuditLog.
 *
 * @example
 * await operator.registerNode({ signer: nodeKey.address, endpoint: "http://127.0.0.1:8001", price: 10n ** 15n,
 *   region: "eu-west", energySource: "solar", carbonIntensity: 40, selfStake: parseUnits("1000", 18) });
 */
export async function registerNode(ctx: ClientContext, p: RegisterNodeParameters): Promise<{ slot: number; txHash: string }> {
  await ensureAllowance(ctx, ctx.addresses.contracts.Subnet, p.selfStake);
  const params = { signer: p.signer, endpoint: p.endpoint, pricePerInference: p.price, region: p.region, energySource: p.energySource, carbonIntensity: p.carbonIntensity };
  const tx = await sendTransaction(ctx, "registerNode", ctx.contracts.subnet, "registerNode", [params, p.selfStake], "Check your token balance covers the minimum node stake and the signing key is not used by another node.");
  const ev = findEvent(tx, ctx.contracts.subnet, "NodeRegistered");
  return { slot: Number(ev?.args.slot ?? -1), txHash: tx.hash };
}
