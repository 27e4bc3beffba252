// Reads and decodes every event of the Veritensor contracts in a block range.
import type { Contract } from "ethers";
import type { ChainEvent } from "./ChainEvent.js";
import type { ClientContext } from "./ClientContext.js";
import { toJsonSafe } from "./internal/toJsonSafe.js";

/**
 * All decodable events of the token, registry, AuditLog, Subnet and Challenges between
 * `fromBlock` and `toBlock` (inclusive), ordered by block and log index.
 *
 * @example
 * const events = await client.readEvents({ fromBlock: 0 });
 * const slashes = events.filter((e) => e.name.includes("Slash"));
 */
export async function readEvents(ctx: ClientContext, p: { fromBlock?: number; toBlock?: number | "latest" } = {}): Promise<ChainEvent[]> {
  const { token, registry, auditLog, subnet, challenges } = ctx.contracts;
  const named: [string, Contract][] = [["VeritensorToken", token], ["ModelRegistry", registry], ["AuditLog", auditLog], ["Subnet", subnet], ["Challenges", challenges]];
  const byAddress = new Map(named.map(([n, c]) => [String(c.target).toLowerCase(), [n, c] as const]));
  const logs = await ctx.provider.getLogs({
    address: named.map(([, c]) => String(c.target)),
    fromBlock: p.fromBlock ?? ctx.addresses.startBlock,
    toBlock: p.toBlock ?? "latest",
  });
  const out: ChainEvent[] = [];
  for (const log of logs) {
    const hit = byAddress.get(log.address.toLowerCase());
    if (!hit) continue;
    const parsed = hit[1].interface.parseLog({ topics: [...log.topics], data: log.data });
    if (!parsed) continue;
    const args: Record<string, unknown> = {};
    parsed.fragment.inputs.forEach((input, i) => (args[input.name || String(i)] = toJsonSafe(parsed.args[i])));
    out.push({ contract: hit[0], name: parsed.name, args, blockNumber: log.blockNumber, txHash: log.transactionHash, logIndex: log.index });
  }
  return out.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
}
