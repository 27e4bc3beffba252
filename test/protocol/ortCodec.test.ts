// Tensor <-> onnxruntime-node tensors: every datatype survives a round trip through a real ort.Tensor.
import { expect } from "chai";
import * as ort from "onnxruntime-node";
import { TensorCodecError, decodeJsonTensor, encodeBytesElements, tensorFromOrt, tensorToBytes, tensorToOrt, type Tensor } from "../../client/index.js";

describe("onnxruntime tensor conversion", () => {
  const tensors: Tensor[] = [
    decodeJsonTensor({ name: "b", datatype: "BOOL", shape: [2], data: [true, false] }),
    decodeJsonTensor({ name: "u8", datatype: "UINT8", shape: [2], data: [1, 255] }),
    decodeJsonTensor({ name: "u16", datatype: "UINT16", shape: [1], data: [65535] }),
    decodeJsonTensor({ name: "u32", datatype: "UINT32", shape: [1], data: [4294967295] }),
    decodeJsonTensor({ name: "u64", datatype: "UINT64", shape: [1], data: ["18446744073709551615"] }),
    decodeJsonTensor({ name: "i8", datatype: "INT8", shape: [1], data: [-128] }),
    decodeJsonTensor({ name: "i16", datatype: "INT16", shape: [1], data: [-32768] }),
    decodeJsonTensor({ name: "i32", datatype: "INT32", shape: [2, 1], data: [[-1], [2]] }),
    decodeJsonTensor({ name: "i64", datatype: "INT64", shape: [1], data: ["-9223372036854775808"] }),
    decodeJsonTensor({ name: "f16", datatype: "FP16", shape: [2], data: [0.5, -65504] }),
    decodeJsonTensor({ name: "f32", datatype: "FP32", shape: [], data: 1.5 }),
    decodeJsonTensor({ name: "f64", datatype: "FP64", shape: [0], data: [] }),
    { name: "s", datatype: "BYTES", shape: [2], data: encodeBytesElements(["héllo", ""]) },
  ];
  for (const t of tensors) {
    it(`${t.datatype} round-trips through ort.Tensor`, () => {
      const { type, data, dims } = tensorToOrt(t);
      const o = new ort.Tensor(type as ort.Tensor.Type, data as never, dims);
      expect(o.type).to.equal(type);
      const back = tensorFromOrt(t.name, o);
      expect(back.datatype).to.equal(t.datatype);
      expect(back.shape).to.deep.equal(t.shape);
      expect(Buffer.from(tensorToBytes(back))).to.deep.equal(Buffer.from(tensorToBytes(t)));
    });
  }
  it("refuses ORT types OIP lacks and mismatched data", () => {
    expect(() => tensorFromOrt("x", { type: "bfloat16", data: new Uint16Array(1), dims: [1] })).to.throw(TensorCodecError, /bfloat16/);
    expect(() => tensorFromOrt("x", { type: "float32", data: new Float32Array(3), dims: [2] })).to.throw(TensorCodecError, /needs 2 element/);
    expect(() => tensorFromOrt("x", { type: "string", data: "ab", dims: [1] })).to.throw(TensorCodecError, /string\[\]/);
    const bin: Tensor = { name: "s", datatype: "BYTES", shape: [1], data: encodeBytesElements([new Uint8Array([0xff])]) };
    expect(() => tensorToOrt(bin)).to.throw(TensorCodecError, /not valid UTF-8/);
  });
});
