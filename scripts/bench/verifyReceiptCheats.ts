// Measures, on a local chain with real nodes and a real validator, what share of cheated receipts the validator catches.
import hre from "hardhat";
import { startLocalNetwork } from "../../test/validator/localNetwork.js";

/** Per receipt-cheat mode: receipts falsified before the cut-off, and how many of those the validator flagged. */
export type ReceiptCheatMeasurement = Record<"omission" | "omissionWrongLeaf" | "doubleSign", { cheated: number; detected: number }>;

/**
 * Starts 1 honest node and one node per receipt cheat (omission by an unstored receipt, omission by a different
 * committed leaf, double-signing; each on 25% of requests) and 1 validator that only detects (no challenges, so the
 * cheaters keep serving). The validator is the nodes' only client, so every falsified receipt is one it holds.
 * After `probeSeconds` the falsified seqs are fixed; after a settling pause, the seqs the validator flagged as a
 * fault (double-sign or missing inclusion) are counted. Honest faults are reported too (must be 0).
 *
 * @example
 * const m = await measureReceiptCheats(); m.doubleSign.detected / m.doubleSign.cheated;
 */
export async function measureReceiptCheats(probeSeconds = 8): Promise<ReceiptCheatMeasurement & { honestFaults: number }> {
  const { ethers } = await hre.network.create();
  const net = await startLocalNetwork(ethers as never, {
    honestNodes: 1,
    cheats: [
      { enabled: true, mode: "omission", rate: 0.25, seed: 21 },
      { enabled: true, mode: "omission", omission: "wrongLeaf", rate: 0.25, seed: 22 },
      { enabled: true, mode: "doubleSign", rate: 0.25, seed: 23 },
    ],
    validators: 1,
    validatorConfig: { challenge: false, setWeights: false, sampleRate: 0, probeIntervalMs: 60, tickMs: 50, inclusionGraceMs: 500, nodeRefreshMs: 500 },
  });
  try {
    await new Promise((r) => setTimeout(r, probeSeconds * 1000));
    const cut = new Map(net.nodes.filter((n) => n.cheats).map((n) => [n.signer.toLowerCase(), new Set(n.cheats!.stats().cheatedSeqs.map(String))]));
    await new Promise((r) => setTimeout(r, 4000));
    const stats = net.validators[0].stats();
    const out = {} as ReceiptCheatMeasurement & { honestFaults: number };
    out.honestFaults = 0;
    for (const n of net.nodes) {
      const seen = stats.nodes.find((s) => s.signer.toLowerCase() === n.signer.toLowerCase());
      const flagged = new Set((seen?.faults ?? []).filter((f) => f.kind === "doubleSign" || f.kind === "inclusion").map((f) => f.seq));
      if (!n.cheats) {
        out.honestFaults += seen?.faults.length ?? 0;
        continue;
      }
      const cheated = cut.get(n.signer.toLowerCase())!;
      const key = n.name.endsWith("wrongLeaf") ? "omissionWrongLeaf" : n.cheats.mode === "omission" ? "omission" : "doubleSign";
      out[key] = { cheated: cheated.size, detected: [...cheated].filter((s) => flagged.has(s)).length };
    }
    return out;
  } finally {
    await net.close();
  }
}
