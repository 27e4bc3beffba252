// `veritensor challenge ...`: dispute a node's receipts.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { receiptFromJson } from "../../index.js";
import type { VeritensorClient } from "../../sdk/VeritensorClient.js";
import { runClientAction } from "../runClientAction.js";

/** Reads a receipt saved by `infer --save-receipt` (or a bare receipt JSON). */
function readReceipt(file: string) {
  const saved = JSON.parse(readFileSync(file, "utf8"));
  return receiptFromJson(saved.receipt ?? saved);
}

/**
 * Adds the `challenge` command group.
 *
 * @example
 * registerChallengeCommands(program);
 */
export function registerChallengeCommands(program: Command): void {
  const ch = program.command("challenge").description("dispute receipts: double-sign, inclusion, wrong output");
  const run = (cmd: Command, label: string, fn: (client: VeritensorClient) => Promise<unknown>) => runClientAction(cmd, label, fn, String);
  ch.command("double-sign <receiptA> <receiptB>")
    .description("prove two different receipts signed for one (node, seq): slashes at once")
    .action((a: string, b: string, _o, cmd: Command) => run(cmd, "proving double-sign", (c) => c.proveDoubleSign(readReceipt(a), readReceipt(b))));
  ch.command("inclusion <receiptFile>")
    .description("demand a Merkle proof of a receipt the node should have committed")
    .action((f: string, _o, cmd: Command) => run(cmd, "opening inclusion challenge", (c) => c.challengeInclusion(readReceipt(f))));
  ch.command("output <receiptFile>")
    .description("(validators) dispute a wrong output; a committee re-runs the model")
    .option("--evidence-uri <uri>", "where the committee can fetch the input and output")
    .action((f: string, o, cmd: Command) => run(cmd, "opening wrong-output challenge", (c) => c.challengeOutput({ receipt: readReceipt(f), evidenceUri: o.evidenceUri })));
  ch.command("finalize <id>")
    .description("settle a challenge whose deadline passed or whose voting is over")
    .action((id: string, _o, cmd: Command) => run(cmd, `finalizing challenge ${id}`, (c) => c.finalizeChallenge(BigInt(id))));
  ch.command("list")
    .description("list challenges")
    .option("--node <signingKey>", "only those against this node")
    .action((o, cmd: Command) => run(cmd, "reading challenges", async (c) => (await c.listChallenges({ node: o.node })).map(({ raw, ...rest }) => rest)));
}
