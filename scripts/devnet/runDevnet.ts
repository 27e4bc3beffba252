// The devnet program: start everything, run the demo, then keep serving (or exit with --exit).
import type { DemoResult } from "./DemoResult.js";
import { Narrator } from "./Narrator.js";
import { runDemo } from "./runDemo.js";
import { startDevnet, type Devnet } from "./startDevnet.js";
import { startKeeper } from "./startKeeper.js";

/**
 * Runs the devnet. With `exit`, returns after the demo with whether every step verified; otherwise
 * keeps running until SIGINT/SIGTERM, then stops every child cleanly.
 *
 * @example
 * const ok = await runDevnet({ root: process.cwd(), exit: true });
 */
export async function runDevnet(o: { root: string; exit: boolean; port?: number; stateDir?: string }): Promise<{ ok: boolean; result: DemoResult }> {
  const narrator = new Narrator();
  let devnet: Devnet | undefined;
  let stopKeeper = () => {};
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write("\nStopping the devnet …\n");
    stopKeeper();
    await devnet?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  const result: DemoResult = { inference: false, receiptVerified: false, rootCommitted: false, epochFinalized: false, rewardsClaimed: false, cheaterSlashed: false };
  try {
    devnet = await startDevnet({ root: o.root, narrator, port: o.port, stateDir: o.stateDir });
    stopKeeper = startKeeper(devnet.clients.keeper, 1000);
    Object.assign(result, await runDemo(devnet, narrator));
  } catch (err) {
    process.stdout.write(`\nThe devnet could not start: ${(err as Error).message}\n`);
  }
  const ok = Object.values(result).every(Boolean);
  narrator.section(ok ? `Every step verified in ${narrator.elapsed().toFixed(0)} s` : `Some steps did not verify (see above and the logs in ${devnet?.dir ?? ".veritensor/devnet"}/logs/)`);
  if (devnet && !o.exit) {
    process.stdout.write(
      [
        "",
        `Explorer dashboard:  ${devnet.explorer?.url}`,
        `JSON-RPC:            ${devnet.rpcUrl}`,
        `Addresses:           ${devnet.addressesFile}`,
        `Nodes:               ${devnet.nodes.map((n) => n.endpoint).join("  ")}`,
        `Try:                 npx veritensor status --rpc ${devnet.rpcUrl} --addresses ${devnet.addressesFile}`,
        "The devnet keeps running (epochs, validators, challenges). Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
    await new Promise(() => {});
  }
  stopKeeper();
  await devnet?.stop();
  return { ok, result };
}
