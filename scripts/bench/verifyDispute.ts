// Measures a wrong-output dispute end to end on an in-process chain: real contracts, nodes and validator daemons.
import hre from "hardhat";
import { startLocalNetwork } from "../../test/validator/localNetwork.js";

/** What {@link measureDispute} measured (wall-clock seconds). */
export interface DisputeMeasurement {
  /** From the challenge transaction to the committee's settlement (slash). */
  seconds: number;
  /** From the network's start to the first wrong-output challenge (detection by probes). */
  detectSeconds: number;
  outcome: string;
  committee: number;
  setup: string;
}

/**
 * Starts 1 honest node, 1 node answering noise on every request and 3 validators (committee of 2: the
 * challenger is excluded) on an in-process Hardhat chain, and times the first wrong-output dispute from
 * `openWrongOutputChallenge` to `ChallengeSettled` — committee draw, commit and reveal of votes, finalize.
 *
 * @example
 * const { seconds } = await measureDispute();
 */
export async function measureDispute(): Promise<DisputeMeasurement> {
  const { ethers } = await hre.network.create();
  const t0 = Date.now();
  const net = await startLocalNetwork(ethers as never, {
    honestNodes: 1,
    cheats: [{ enabled: true, mode: "noise", rate: 1, seed: 3 }],
    validators: 3,
    challengeParams: { commitWindow: 600n, responseWindow: 10n, voteCommitWindow: 60n, voteRevealWindow: 60n, drawDelay: 1n, committeeSize: 2 },
    validatorConfig: { setWeights: false, sampleRate: 0 },
  });
  const started = Date.now();
  try {
    const { challenges } = net.contracts;
    const deadline = Date.now() + 120_000;
    let opened: { id: bigint; at: number } | undefined;
    while (Date.now() < deadline) {
      const count = Number(await challenges.challengeCount());
      if (!opened && count > 0) {
        const rec = net.validators.flatMap((v) => v.stats().challenges).find((c) => c.kind === "wrongOutput");
        if (rec) opened = { id: BigInt(rec.id), at: rec.openedAt };
      }
      if (opened) {
        const c = await challenges.getChallenge(opened.id);
        if (Number(c.status) === 4) {
          const outcomes = ["None", "DoubleSigned", "InclusionUnanswered", "InclusionProved", "Mismatch", "Match", "Tie", "NoQuorum", "NoCommittee"];
          return {
            seconds: (Date.now() - opened.at) / 1000,
            detectSeconds: (opened.at - started) / 1000,
            outcome: outcomes[Number(c.outcome)],
            committee: ((await challenges.committeeOf(opened.id)) as string[]).length,
            setup: `in-process Hardhat chain (automine), 3 validator daemons ticking every 100 ms, network up in ${((started - t0) / 1000).toFixed(1)} s`,
          };
        }
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("no wrong-output dispute settled within 120 s");
  } finally {
    await net.close();
  }
}
