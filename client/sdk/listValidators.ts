// Reads every registered validator from the Subnet.
import type { ClientContext } from "./ClientContext.js";
import type { ValidatorInfo } from "./ValidatorInfo.js";

/**
 * Every registered validator with its pool stake.
 *
 * @example
 * for (const v of await client.listValidators()) console.log(v.operator, v.stake);
 */
export async function listValidators(ctx: ClientContext): Promise<ValidatorInfo[]> {
  const subnet = ctx.contracts.subnet;
  const [validators, stakes] = await subnet.validatorStakes();
  return [...validators].map((operator: string, i: number) => ({
    operator: operator as `0x${string}`,
    stake: BigInt(stakes[i]),
    active: true,
    raw: {},
  }));
}
