// `veritensor stake ...`: delegate to operators, undelegate, withdraw, claim rewards, list positions.
import type { Command } from "commander";
import { formatUnits, parseUnits } from "ethers";
import { cliClient, type GlobalOptions } from "../cliClient.js";
import { printResult } from "../printResult.js";
import { runClientAction } from "../runClientAction.js";
import type { VeritensorClient } from "../../sdk/VeritensorClient.js";

/**
 * Adds the `stake` command group. Amounts are in tokens (18 decimals), e.g. `100` or `0.5`.
 *
 * @example
 * registerStakeCommands(program);
 */
export function registerStakeCommands(program: Command): void {
  const stake = program.command("stake").description("delegate tokens to node and validator operators and collect rewards");
  const tx = (cmd: Command, label: string, fn: (c: VeritensorClient) => Promise<unknown>) => runClientAction(cmd, label, fn, (x) => formatUnits(x, 18));
  stake
    .command("delegate <operator> <amount>")
    .description("delegate tokens to an operator's pool (approves the Subnet first)")
    .action((op: string, amount: string, _o, cmd: Command) => tx(cmd, `delegating ${amount} to ${op}`, (c) => c.delegate(op, parseUnits(amount, 18))));
  stake
    .command("undelegate <operator> <amount>")
    .description("start unbonding tokens from an operator's pool")
    .action((op: string, amount: string, _o, cmd: Command) => tx(cmd, `undelegating ${amount} from ${op}`, (c) => c.undelegate(op, parseUnits(amount, 18))));
  stake
    .command("withdraw")
    .description("withdraw every unbonding entry whose delay has passed")
    .action((_o, cmd: Command) => tx(cmd, "withdrawing unbonded stake", (c) => c.withdraw()));
  stake
    .command("claim [operator]")
    .description("claim pending rewards (from one operator's pool, or all your positions)")
    .action((op: string | undefined, _o, cmd: Command) => tx(cmd, "claiming rewards", (c) => c.claim(op)));
  stake
    .command("positions [account]")
    .description("your (or an account's) positions with pending rewards and unbonding entries")
    .action(async (account: string | undefined, _o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const client = cliClient(g);
      const who = account ?? (client.context.signer ? await client.context.signer.getAddress() : undefined);
      if (!who) throw new Error("give an account, or --key / VERITENSOR_PRIVATE_KEY");
      const positions = await client.positions(who);
      printResult(g.json, positions, (ps) =>
        ps.length
          ? ps.map((p) => `${p.operator}  stake ${formatUnits(p.stake, 18)}  pending ${formatUnits(p.pendingRewards, 18)}  unbonding ${formatUnits(p.unbonding, 18)}`).join("\n")
          : `no positions for ${who}`,
      );
    });
}
