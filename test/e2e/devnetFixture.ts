// Test fixture: a full devnet (chain, contracts, 3 nodes, 2 validators, explorer) with the demo already run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoResult } from "../../scripts/devnet/DemoResult.js";
import { Narrator } from "../../scripts/devnet/Narrator.js";
import { runDemo } from "../../scripts/devnet/runDemo.js";
import { startDevnet, type Devnet } from "../../scripts/devnet/startDevnet.js";
import { startKeeper } from "../../scripts/devnet/startKeeper.js";

/** A started devnet plus the demo's result; `stop()` tears everything down. */
export interface TestDevnet {
  devnet: Devnet;
  demo: DemoResult;
  stop(): Promise<void>;
}

/**
 * Starts a devnet in a temporary state folder on free ports and runs the demo on it. Narration
 * goes to stdout only when VERITENSOR_TEST_VERBOSE is set.
 *
 * @example
 * before(async () => (net = await startTestDevnet()));
 * after(() => net.stop());
 */
export async function startTestDevnet(): Promise<TestDevnet> {
  const stateDir = mkdtempSync(join(tmpdir(), "veritensor-test-devnet-"));
  const narrator = new Narrator(process.env.VERITENSOR_TEST_VERBOSE ? undefined : () => {});
  const devnet = await startDevnet({ root: process.cwd(), narrator, port: 0, stateDir });
  const stopKeeper = startKeeper(devnet.clients.keeper, 1000);
  let demo: DemoResult;
  try {
    demo = await runDemo(devnet, narrator);
  } catch (err) {
    stopKeeper();
    await devnet.stop();
    throw err;
  }
  return {
    devnet,
    demo,
    stop: async () => {
      stopKeeper();
      await devnet.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
