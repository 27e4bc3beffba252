// End to end: `npm start -- --exit` brings up chain, contracts, 3 nodes, 2 validators and verifies every demo step.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { expect } from "chai";

const require = createRequire(import.meta.url);

describe("devnet (npm start -- --exit)", function () {
  this.timeout(300_000);
  let child: ReturnType<typeof spawn> | undefined;

  // If the test times out, the devnet (and through it every node and validator) is still stopped.
  after(() => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
  });

  it("runs the whole loop and prints one JSON line with every step true", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "veritensor-devnet-"));
    try {
      const loader = pathToFileURL(require.resolve("tsx")).href;
      child = spawn(process.execPath, ["--import", loader, "scripts/devnet.ts", "--exit", "--port", "0", "--state-dir", stateDir], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      const c = child;
      c.stdout!.on("data", (d) => (out += d));
      c.stderr!.on("data", (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => c.on("exit", resolve));
      const lines = out.trim().split("\n");
      const last = JSON.parse(lines[lines.length - 1]);
      expect(last, out).to.deep.equal({ inference: true, receiptVerified: true, rootCommitted: true, epochFinalized: true, rewardsClaimed: true, cheaterSlashed: true });
      expect(code, out).to.equal(0);
      expect(out).to.match(/AuditLog\.verifyReceipt true/);
      expect(out).to.match(/OperatorSlashed: .* taken from node-3's pool/);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
