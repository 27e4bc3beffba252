// ioSpecHash: sha256 of the canonical JSON of a model's inputs/outputs (client/protocol/README.md).
import { expect } from "chai";
import { createHash } from "node:crypto";
import { canonicalIoSpec, ioSpecHash, TensorCodecError } from "../../client/index.js";

const sha = (s: string) => `0x${createHash("sha256").update(s, "utf8").digest("hex")}`;

describe("ioSpecHash", () => {
  const spec = {
    inputs: [
      { name: "state", datatype: "FP32", shape: [2, -1, 128] },
      { name: "input", datatype: "FP32", shape: [-1, -1] },
      { name: "sr", datatype: "INT64", shape: [] },
    ],
    outputs: [{ name: "output", datatype: "FP32", shape: [-1, 1], extra: "ignored" }],
  } as const;

  it("hashes the canonical JSON: fixed key order, tensors sorted by name, no whitespace, other fields ignored", () => {
    const want =
      '{"inputs":[{"name":"input","datatype":"FP32","shape":[-1,-1]},{"name":"sr","datatype":"INT64","shape":[]},' +
      '{"name":"state","datatype":"FP32","shape":[2,-1,128]}],"outputs":[{"name":"output","datatype":"FP32","shape":[-1,1]}]}';
    expect(canonicalIoSpec(spec as any)).to.equal(want);
    expect(ioSpecHash(spec as any)).to.equal(sha(want));
    // The bundled mlp's interface, pinned.
    expect(ioSpecHash({ inputs: [{ name: "x", datatype: "FP32", shape: [-1, 16] }], outputs: [{ name: "y", datatype: "FP32", shape: [-1, 4] }] })).to.equal(
      "0x9db0957d8b88d20b26a275c338d377dc3b9cef98204f71c23053e61e84a13329",
    );
  });

  it("changes with any name, datatype or dimension, and does not depend on the order of the tensors", () => {
    const base = ioSpecHash(spec as any);
    const reordered = { inputs: [...spec.inputs].reverse(), outputs: spec.outputs };
    expect(ioSpecHash(reordered as any)).to.equal(base);
    const variants = [
      { ...spec, inputs: [{ ...spec.inputs[0], shape: [2, -1, 64] }, spec.inputs[1], spec.inputs[2]] },
      { ...spec, inputs: [{ ...spec.inputs[0], datatype: "FP16" }, spec.inputs[1], spec.inputs[2]] },
      { ...spec, inputs: [{ ...spec.inputs[0], name: "h" }, spec.inputs[1], spec.inputs[2]] },
      { inputs: spec.outputs, outputs: spec.inputs }, // inputs and outputs swapped
    ];
    for (const v of variants) expect(ioSpecHash(v as any)).to.not.equal(base);
  });

  it("rejects malformed specs with a clear error", () => {
    const bad: [unknown, RegExp][] = [
      [null, /io spec must be an object/],
      [{ inputs: [] }, /io spec outputs must be an array/],
      [{ inputs: [{ name: "", datatype: "FP32", shape: [] }], outputs: [] }, /io spec inputs\[0\] needs a non-empty name/],
      [{ inputs: [{ name: "x", datatype: "fp32", shape: [] }], outputs: [] }, /io spec inputs\[0\] datatype "fp32" is not a supported datatype/],
      [{ inputs: [{ name: "x", datatype: "FP32", shape: [-2] }], outputs: [] }, /shape \[-2\] is not a list of integers >= -1/],
      [{ inputs: [{ name: "x", datatype: "FP32", shape: [1.5] }], outputs: [] }, /is not a list of integers/],
      [{ inputs: [], outputs: [{ name: "y", datatype: "FP32", shape: [] }, { name: "y", datatype: "FP32", shape: [] }] }, /io spec outputs name "y" twice/],
    ];
    for (const [spec, re] of bad) expect(() => ioSpecHash(spec as any)).to.throw(TensorCodecError, re);
  });
});
