// Measures honest CUDA-vs-CPU drift of the bundled models (TF32 on, the CUDA EP default, and off), the evidence for
// the default verification policies. Plain Node + onnxruntime-node so it runs on a bare GPU host:
//   node node/validator/tools/measureCudaDrift.mjs <modelDir> > cuda-drift.json
// <modelDir> holds cls.onnx, rec.onnx, det.onnx, silero.onnx, mlp.onnx (the bundled models, renamed).
// TF32 (the CUDA EP default) is on unless the environment has NVIDIA_TF32_OVERRIDE=0 (onnxruntime-node ignores a
// `use_tf32` provider option). CPU_ONLY=1 runs every "cuda" session on CPU instead (a dry run without a GPU).
// Results of an H100 run: tools/evidence/cuda-drift-h100-{tf32,fp32}.json.
import * as ort from "onnxruntime-node";
import { readFileSync } from "node:fs";

const dir = process.argv[2] ?? ".";
const SAMPLES = Number(process.argv[3] ?? 24);

function rng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A text-line-like image: light background, dark strokes, sensor noise, PaddleOCR normalisation. */
function textImage(r, b, h, w) {
  const img = new Float32Array(b * 3 * h * w);
  for (let n = 0; n < b; n++) {
    const bg = 180 + 60 * r();
    const strokes = [];
    for (let s = 0; s < w / 6; s++) strokes.push([r() * w, h * (0.2 + 0.2 * r()), 1 + 3 * r(), h * (0.3 + 0.4 * r())]);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let v = bg;
        for (const [sx, sy, sw, sh] of strokes) if (x >= sx && x < sx + sw && y >= sy && y < sy + sh) v = 30 + 40 * r();
        v += (r() - 0.5) * 10;
        for (let c = 0; c < 3; c++) img[((n * 3 + c) * h + y) * w + x] = (v / 255 - 0.5) / 0.5;
      }
  }
  return img;
}
const MODELS = [
  { name: "paddle-cls", file: "cls.onnx", feeds: (r, b) => ({ x: new ort.Tensor("float32", textImage(r, b, 48, 192), [b, 3, 48, 192]) }) },
  { name: "paddle-rec", file: "rec.onnx", feeds: (r, b) => ({ x: new ort.Tensor("float32", textImage(r, b, 48, 320), [b, 3, 48, 320]) }) },
  { name: "paddle-det", file: "det.onnx", feeds: (r, b) => ({ x: new ort.Tensor("float32", textImage(r, b, 160, 320), [b, 3, 160, 320]) }) },
  {
    name: "silero-vad",
    file: "silero.onnx",
    feeds: (r, b) => ({
      input: new ort.Tensor("float32", Float32Array.from({ length: b * 576 }, (_, i) => 0.3 * Math.sin(i * (0.05 + r() * 0.001)) + 0.02 * (r() - 0.5)), [b, 576]),
      state: new ort.Tensor("float32", Float32Array.from({ length: 2 * b * 128 }, () => (r() - 0.5) * 0.6), [2, b, 128]),
      sr: new ort.Tensor("int64", BigInt64Array.of(16000n), []),
    }),
  },
  { name: "mlp", file: "mlp.onnx", feeds: (r, b) => ({ x: new ort.Tensor("float32", Float32Array.from({ length: b * 16 }, () => r() * 2 - 1), [b, 16]) }) },
];

function metrics(ref, cand, classes) {
  let dot = 0, rn = 0, cn = 0, maxErr = 0, maxRef = 0;
  for (let i = 0; i < ref.length; i++) {
    const a = ref[i], b = cand[i];
    dot += a * b; rn += a * a; cn += b * b;
    maxErr = Math.max(maxErr, Math.abs(a - b));
    maxRef = Math.max(maxRef, Math.abs(a));
  }
  let flips = 0;
  if (classes > 1) {
    for (let base = 0; base + classes <= ref.length; base += classes) {
      let ia = 0, ib = 0;
      for (let j = 1; j < classes; j++) {
        if (ref[base + j] > ref[base + ia]) ia = j;
        if (cand[base + j] > cand[base + ib]) ib = j;
      }
      if (ia !== ib) flips++;
    }
  }
  const cos = rn === 0 && cn === 0 ? 1 : dot / Math.sqrt(rn * cn);
  return { oneMinusCos: Math.max(0, 1 - cos), relAbsError: maxRef > 0 ? maxErr / maxRef : maxErr, maxAbsError: maxErr, top1Flips: flips };
}

const out = { ort: ort.env.versions, samples: SAMPLES, models: {} };
for (const m of MODELS) {
  const bytes = readFileSync(`${dir}/${m.file}`);
  const cpu = await ort.InferenceSession.create(bytes, { executionProviders: ["cpu"], intraOpNumThreads: 1, logSeverityLevel: 3 });
  const variants = {
    cudaTf32: await ort.InferenceSession.create(bytes, { executionProviders: [process.env.CPU_ONLY ? "cpu" : { name: "cuda" }], logSeverityLevel: 3 }),
    cudaNoTf32: await ort.InferenceSession.create(bytes, { executionProviders: [process.env.CPU_ONLY ? "cpu" : { name: "cuda", use_tf32: 0 }], logSeverityLevel: 3 }),
  };
  const res = {};
  for (const batch of [1, 8]) {
    if (m.name === "silero-vad" && batch > 1) continue;
    const r = rng(1000 + batch);
    for (let s = 0; s < (batch === 1 ? SAMPLES : Math.ceil(SAMPLES / 4)); s++) {
      const feeds = m.feeds(r, batch);
      const ref = await cpu.run(feeds);
      for (const [vname, sess] of Object.entries(variants)) {
        const got = await sess.run(feeds);
        for (const o of cpu.outputNames) {
          const key = `${vname}/b${batch}/${o}`;
          const classes = ref[o].dims.at(-1);
          const mt = metrics(ref[o].data, got[o].data, m.name.startsWith("paddle-c") || m.name.startsWith("paddle-r") ? classes : 0);
          const agg = (res[key] ??= { n: 0, worstOneMinusCos: 0, worstRelAbsError: 0, worstMaxAbsError: 0, top1Flips: 0, refMaxAbs: 0 });
          agg.n++;
          agg.worstOneMinusCos = Math.max(agg.worstOneMinusCos, mt.oneMinusCos);
          agg.worstRelAbsError = Math.max(agg.worstRelAbsError, mt.relAbsError);
          agg.worstMaxAbsError = Math.max(agg.worstMaxAbsError, mt.maxAbsError);
          agg.top1Flips += mt.top1Flips;
          let mx = 0;
          for (const v of ref[o].data) mx = Math.max(mx, Math.abs(v));
          agg.refMaxAbs = Math.max(agg.refMaxAbs, mx);
        }
      }
    }
  }
  out.models[m.name] = res;
  await cpu.release();
  for (const s of Object.values(variants)) await s.release();
}
console.log(JSON.stringify(out, null, 1));
