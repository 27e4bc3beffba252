// `veritensor epoch ...`: finalise the epochs that are over (anyone may), read an epoch's results.
import type { Command } from "commander";
import { formatUnits } from "ethers";
import { cliClient, type GlobalOptions } from "../cliClient.js";
import { printResult } from "../printResult.js";
import { Progress } from "../Progress.js";

const gas = (g: bigint) => `${(Number(g) / 1e6).toFixed(2)}M gas`;

/**
 * Adds the `epoch` command group.
 *
 * @example
 * registerEpochCommands(program);
 */
export function registerEpochCommands(program: Command): void {
  const ep = program.command("epoch").description("finalise epochs that are over, read epoch results");
  ep.command("finalize")
    .description("finalise every epoch that is over (chunked: a large subnet takes several transactions); anyone may")
    .option("--max-steps <n>", "steps per transaction (each transaction also stays under 16M gas)", "64")
    .action(async (o: { maxSteps: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const maxSteps = Number(o.maxSteps);
      if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new Error(`--max-steps must be a positive integer (got ${o.maxSteps})`);
      const progress = new Progress(g.json);
      progress.start("looking for epochs that are over");
      const res = await cliClient(g).finalizeEpochs(maxSteps, (p) => {
        const line = `epoch ${p.epoch}: ${p.transactions} transaction${p.transactions === 1 ? "" : "s"}, ${gas(p.gasUsed)}`;
        if (p.done) {
          progress.done(`${line}, finalised`);
          progress.start("looking for epochs that are over");
        } else progress.start(`${line}, continuing`);
      });
      progress.done(res.finalized.length === 0 ? "no epoch is over yet" : `finalised ${res.finalized.length} epoch${res.finalized.length === 1 ? "" : "s"}`);
      printResult(g.json, res, (r) =>
        r.finalized.length === 0 ? "nothing to finalise" : `finalised epochs ${r.finalized.join(", ")} in ${r.transactions} transactions (${gas(r.gasUsed)})`,
      );
    });
  ep.command("results")
    .description("results of the last finalised epoch: consensus, incentive and emission per node, dividends per validator")
    .option("--block <n>", "read as of this block (history)")
    .action(async (o: { block?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const block = o.block === undefined ? undefined : Number(o.block);
      if (block !== undefined && (!Number.isInteger(block) || block < 0)) throw new Error(`--block must be a block number (got ${o.block})`);
      const r = await cliClient(g).epochResults(block === undefined ? {} : { blockTag: block });
      printResult(g.json, r, (x) =>
        [
          `epoch ${x.epoch}: emission ${formatUnits(x.emission, 18)}`,
          "nodes:",
          ...x.nodes.map((n) => `  ${n.operator} consensus ${n.consensus.toFixed(4)} incentive ${n.incentive.toFixed(4)} emission ${formatUnits(n.emission, 18)}`),
          "validators:",
          ...x.validators.map((v) => `  ${v.operator} trust ${v.trust.toFixed(4)} dividends ${v.dividends.toFixed(4)} emission ${formatUnits(v.emission, 18)}`),
        ].join("\n"),
      );
    });
}
