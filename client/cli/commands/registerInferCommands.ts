// `veritensor infer` and `veritensor verify`.
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { decodeJsonTensor, encodeJsonTensor, receiptFromJson, receiptToJson, type JsonTensor } from "../../index.js";
import { cliClient, type GlobalOptions } from "../cliClient.js";
import { printResult } from "../printResult.js";
import { Progress } from "../Progress.js";

/** Reads OIP v2 input tensors from inline JSON or a file ({inputs:[...]} or [...]). */
function readInputs(o: { input?: string; inputFile?: string }) {
  const text = o.inputFile ? readFileSync(o.inputFile, "utf8") : o.input;
  if (!text) throw new Error("give the inputs with --input '<json>' or --input-file <file> (OIP v2 tensors: [{name, datatype, shape, data}])");
  const parsed = JSON.parse(text) as JsonTensor[] | { inputs: JsonTensor[] };
  return (Array.isArray(parsed) ? parsed : parsed.inputs).map(decodeJsonTensor);
}

/**
 * Adds `infer` and `verify`.
 *
 * @example
 * registerInferCommands(program);
 */
export function registerInferCommands(program: Command): void {
  program
    .command("infer")
    .description("run an inference on the best node and verify its signed receipt")
    .requiredOption("-m, --model <name>", "model name or 0x model hash")
    .option("-i, --input <json>", "inputs as OIP v2 JSON tensors")
    .option("-f, --input-file <file>", "file holding the inputs JSON")
    .option("--prefer <p>", "price | latency | low-carbon", "latency")
    .option("--binary", "use the binary tensor extension")
    .option("--wait", "wait until the receipt is committed on-chain and verify the proof")
    .option("--save-receipt <file>", "write the receipt (and node endpoint) to a file for `verify`")
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const client = cliClient(g);
      const progress = new Progress(g.json);
      progress.start(`inference on ${o.model}`);
      const res = await client.infer({ model: o.model, inputs: readInputs(o), prefer: o.prefer, binary: o.binary });
      progress.done(`answered by ${res.node.endpoint} in ${res.latencyMs.toFixed(1)} ms, receipt verified`);
      const out: Record<string, unknown> = { node: res.node.endpoint, outputs: res.outputs.map(encodeJsonTensor), receipt: receiptToJson(res.receipt) };
      if (o.saveReceipt) writeFileSync(o.saveReceipt, JSON.stringify({ endpoint: res.node.endpoint, receipt: out.receipt }, null, 2));
      if (o.wait) {
        progress.start("waiting for the batch root on-chain");
        const inc = await client.waitForInclusion(res.receipt, { endpoint: res.node.endpoint, onStatus: (s) => progress.update(`waiting for the batch root on-chain (${s})`) });
        progress.done(`committed in batch ${inc.batchIndex}, root ${inc.root}, proof verified`);
        out.inclusion = inc;
      }
      printResult(g.json, out);
    });
  program
    .command("verify <receiptFile>")
    .description("verify a saved receipt: registered signer and Merkle proof against the on-chain root")
    .option("--endpoint <url>", "node to ask for the proof (default: the node registered for the signer)")
    .option("--no-wait", "only check the signature and the signer's registration")
    .option("--timeout <ms>", "how long to wait for the commit", "60000")
    .action(async (file: string, o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const saved = JSON.parse(readFileSync(file, "utf8"));
      const receipt = receiptFromJson(saved.receipt ?? saved);
      const progress = new Progress(g.json);
      progress.start("verifying receipt");
      const res = await cliClient(g).verifyReceipt(receipt, { endpoint: o.endpoint ?? saved.endpoint, inclusion: o.wait, timeoutMs: Number(o.timeout), onStatus: (s) => progress.update(`verifying receipt (${s})`) });
      progress.done("receipt verified");
      printResult(g.json, { verified: true, node: res.node.endpoint, signer: res.node.signingKey, inclusion: res.inclusion ?? null }, (v) =>
        `verified: signed by ${v.signer} (${v.node})` + (v.inclusion ? `, committed under root ${v.inclusion.root} (batch ${v.inclusion.batchIndex})` : ""),
      );
    });
}
