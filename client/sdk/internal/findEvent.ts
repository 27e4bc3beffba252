// Finds a decoded event of a contract in a transaction receipt.
import type { Contract, ContractTransactionReceipt, LogDescription } from "ethers";

/**
 * The first log of `contract` named `name` in `receipt`, decoded; undefined when absent.
 *
 * @example
 * const opened = findEvent(receipt, ctx.contracts.challenges, "ChallengeOpened");
 */
export function findEvent(receipt: ContractTransactionReceipt, contract: Contract, name: string): LogDescription | undefined {
  const address = String(contract.target).toLowerCase();
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address) continue;
    const parsed = contract.interface.parseLog({ topics: [...log.topics], data: log.data });
    if (parsed?.name === name) return parsed;
  }
  return undefined;
}
