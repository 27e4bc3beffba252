// `veritensor status`: the chain, the contracts, nodes, validators and the current epoch at a glance.
import type { Command } from "commander";
import { formatUnits } from "ethers";
import { cliClient, type GlobalOptions } from "../cliClient.js";
import { printResult } from "../printResult.js";

/**
 * Adds `status`.
 *
 * @example
 * registerStatusCommands(program);
 */
export function registerStatusCommands(program: Command): void {
  program
    .command("status")
    .description("chain head, contracts, models, nodes (with published stats), validators, epoch")
    .action(async (_o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const client = cliClient(g);
      const [block, models, nodes, validators, epoch] = await Promise.all([
        client.context.provider.getBlockNumber(),
        client.listModels(),
        client.listNodes(),
        client.listValidators(),
        client.epochInfo(),
      ]);
      const status = { rpc: g.rpc, chainId: client.context.addresses.chainId, block, contracts: client.context.addresses.contracts, epoch, models, nodes, validators };
      printResult(g.json, status, (s) =>
        [
          `chain ${s.chainId} at block ${s.block} (${s.rpc})`,
          `epoch ${s.epoch.epoch}` + (s.epoch.nextEpochBlock !== undefined ? `, next at block ${s.epoch.nextEpochBlock}` : ""),
          `models: ${s.models.map((m) => m.name).join(", ") || "none"}`,
          "nodes:",
          ...s.nodes.map((n) => `  ${n.operator} ${n.endpoint} stake ${formatUnits(n.stake, 18)} price ${formatUnits(n.price, 18)} ${n.carbonIntensity} gCO2/kWh ${n.active ? "active" : "inactive"}`),
          "validators:",
          ...s.validators.map((v) => `  ${v.operator} stake ${formatUnits(v.stake, 18)} ${v.active ? "active" : "inactive"}`),
        ].join("\n"),
      );
    });
}
