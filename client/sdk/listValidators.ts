// Reads every registered validator from the Subnet.
import { ZeroAddress } from "ethers";
import type { ClientContext } from "./ClientContext.js";
import type { ValidatorInfo } from "./ValidatorInfo.js";

/**
 * Every registered validator (slot order) with its pool stake and status.
 *
 * @example
 * for (const v of await client.listValidators()) console.log(v.operator, v.stake);
 */
export async function listValidators(ctx: ClientContext): Promise<ValidatorInfo[]> {
  const subnet = ctx.contracts.subnet;
  const [, slots] = await subnet.validatorCount();
  const operators: string[] = await Promise.all(Array.from({ length: Number(slots) }, (_, i) => subnet.validatorAt(i)));
  const rows = operators.map((operator, slot) => ({ operator, slot })).filter(({ operator }) => operator !== ZeroAddress);
  return Promise.all(
    rows.map(async ({ operator, slot }) => {
      const [pool, isValidator] = await Promise.all([subnet.pool(operator), subnet.isValidator(operator)]);
      return {
        operator: operator as `0x${string}`,
        slot,
        stake: BigInt(pool.stake),
        active: Boolean(isValidator) && pool.registered,
        jailedUntil: Number(pool.jailedUntil),
      };
    }),
  );
}
