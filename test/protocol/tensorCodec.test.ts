// Tensor codec: JSON (flat/nested) and raw-bytes round trips, datatype maps, and every validation error.
import { expect } from "chai";
import {
  BaseError,
  TensorCodecError,
  assertTensor,
  bytesPerElement,
  datatypeOfOrtType,
  decodeBytesElements,
  decodeJsonTensor,
  elementCount,
  encodeBytesElements,
  encodeJsonTensor,
  ortTypeOf,
  tensorFromBytes,
  tensorToBytes,
  type Datatype,
  type JsonTensor,
  type Tensor,
} from "../../client/index.js";

const ALL: Datatype[] = ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES"];

/** Expects `f` to throw a TensorCodecError whose message matches `re`. */
function throwsCodec(f: () => unknown, re: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected a TensorCodecError matching ${re}`).to.be.instanceOf(TensorCodecError);
  expect(err).to.be.instanceOf(BaseError);
  expect((err as Error).message).to.match(re);
}

const js = (datatype: string, shape: number[], data: unknown, name = "t"): JsonTensor => ({ name, datatype, shape, data });

describe("tensor codec", () => {
  describe("JSON round trips", () => {
    const cases: Array<[Datatype, number[], unknown[]]> = [
      ["BOOL", [2, 2], [true, false, false, true]],
      ["UINT8", [3], [0, 7, 255]],
      ["UINT16", [3], [0, 7, 65535]],
      ["UINT32", [3], [0, 7, 4294967295]],
      ["UINT64", [3], [0, 9007199254740991, "18446744073709551615"]],
      ["INT8", [3], [-128, 0, 127]],
      ["INT16", [3], [-32768, 0, 32767]],
      ["INT32", [3], [-2147483648, 0, 2147483647]],
      ["INT64", [4], ["-9223372036854775808", -9007199254740991, 0, "9223372036854775807"]],
      ["FP16", [4], [1, -0.5, 65504, "NaN"]],
      ["FP32", [2, 3], [0.5, -1, 1.401298464324817e-45, "Infinity", "-Infinity", "NaN"]],
      ["FP64", [2], [Math.PI, -Number.MAX_VALUE]],
      ["BYTES", [2], ["héllo", ""]],
    ];
    for (const [dt, shape, data] of cases) {
      it(`${dt} flat data survives decode -> encode -> JSON text -> decode`, () => {
        const t = decodeJsonTensor(js(dt, shape, data));
        expect(t.datatype).to.equal(dt);
        const enc = encodeJsonTensor(t);
        expect(enc.data).to.deep.equal(data);
        const again = decodeJsonTensor(JSON.parse(JSON.stringify(enc)));
        expect(Buffer.from(tensorToBytes(again))).to.deep.equal(Buffer.from(tensorToBytes(t)));
        const raw = tensorFromBytes("t", dt, shape, tensorToBytes(t));
        expect(Buffer.from(tensorToBytes(raw))).to.deep.equal(Buffer.from(tensorToBytes(t)));
      });
    }

    it("reads nested data exactly as the shape and encodes it flat", () => {
      const t = decodeJsonTensor(js("INT32", [2, 2, 3], [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]));
      expect(Array.from(t.data as Int32Array)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(encodeJsonTensor(t).data).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(encodeJsonTensor(t).shape).to.deep.equal([2, 2, 3]);
    });

    it("scalars: shape [] with [v] or a bare v", () => {
      expect(Array.from(decodeJsonTensor(js("FP32", [], [2.5])).data as Float32Array)).to.deep.equal([2.5]);
      expect(Array.from(decodeJsonTensor(js("FP32", [], 2.5)).data as Float32Array)).to.deep.equal([2.5]);
      expect(decodeJsonTensor(js("BOOL", [], true)).data).to.deep.equal(new Uint8Array([1]));
      expect(encodeJsonTensor(decodeJsonTensor(js("INT64", [], "-5"))).data).to.deep.equal([-5]);
    });

    it("empty tensors: a 0 dim, flat [] or nested [[], []]", () => {
      for (const [shape, data] of [[[0], []], [[0, 3], []], [[2, 0], []], [[2, 0], [[], []]]] as Array<[number[], unknown[]]>) {
        const t = decodeJsonTensor(js("FP32", shape, data));
        expect(t.data.length).to.equal(0);
        expect(encodeJsonTensor(t)).to.deep.equal({ name: "t", datatype: "FP32", shape, data: [] });
        expect(tensorToBytes(t).length).to.equal(0);
      }
      expect(decodeJsonTensor(js("BYTES", [0], [])).data.length).to.equal(0);
    });

    it("FP32 rounds to the nearest float, FP16 to the nearest half", () => {
      expect((decodeJsonTensor(js("FP32", [1], [0.1])).data as Float32Array)[0]).to.equal(Math.fround(0.1));
      expect((decodeJsonTensor(js("FP16", [1], [0.1])).data as Uint16Array)[0]).to.equal(0x2e66);
    });
  });

  describe("JSON errors say what to fix", () => {
    const bad: Array<[string, JsonTensor | unknown, RegExp]> = [
      ["not an object", null, /expected a JSON tensor object/],
      ["no name", { datatype: "FP32", shape: [1], data: [1] }, /name must be a non-empty string/],
      ["unknown datatype", js("FLOAT", [1], [1]), /"FLOAT" is not a supported datatype.*\n.*FP32/],
      ["lower-case datatype", js("fp32", [1], [1]), /not a supported datatype/],
      ["BF16", js("BF16", [1], [1]), /BF16 is not supported/],
      ["negative dim", js("FP32", [-1, 2], []), /invalid dim at index 0: -1/],
      ["fractional dim", js("FP32", [1.5], []), /invalid dim at index 0: 1.5/],
      ["shape not array", js("FP32", "3" as never, [1, 2, 3]), /shape must be an array/],
      ["missing data", { name: "t", datatype: "FP32", shape: [1], parameters: { binary_data_size: 4 } }, /has no "data".*\n.*tensorFromBytes/],
      ["data not array", js("FP32", [2], 3), /data must be an array/],
      ["count mismatch", js("FP32", [2, 3], [1, 2, 3, 4, 5]), /needs 6 element\(s\) but data has 5/],
      ["nested wrong length", js("FP32", [2, 3], [[1, 2, 3], [4, 5]]), /data\[1\] should have 3 entries, got 2 entries/],
      ["nested too shallow", js("FP32", [2, 2, 1], [[1, 2], [3, 4]]), /data\[0\]\[0\] should have 1 entries, got 1/],
      ["nested too deep", js("FP32", [1, 2], [[[1], [2]]]), /deeper than shape/],
      ["nested for rank 1", js("FP32", [2], [[1], [2]]), /nested but shape \[2\] has rank 1/],
      ["bool as number", js("BOOL", [2], [true, 1]), /element 1 is 1; BOOL needs true or false/],
      ["int fraction", js("INT32", [2], [1, 2.5]), /element 1 is 2.5; INT32 needs an integer number/],
      ["int string", js("UINT8", [1], ["7"]), /element 0 is "7"; UINT8 needs an integer number/],
      ["uint8 range", js("UINT8", [2], [0, 256]), /element 1 is 256; UINT8 needs a value in \[0, 255\]/],
      ["int8 range", js("INT8", [1], [-129]), /INT8 needs a value in \[-128, 127\]/],
      ["uint16 negative", js("UINT16", [1], [-1]), /UINT16 needs a value in \[0, 65535\]/],
      ["int64 unsafe number", js("INT64", [1], [2 ** 60]), /element 0 is 1152921504606847000; INT64 needs .*decimal string/],
      ["int64 range", js("INT64", [1], ["9223372036854775808"]), /INT64 needs an integer in \[-9223372036854775808, 9223372036854775807\]/],
      ["uint64 negative", js("UINT64", [1], ["-1"]), /UINT64 needs an integer in \[0, 18446744073709551615\]/],
      ["uint64 garbage", js("UINT64", [1], ["12abc"]), /element 0 is "12abc"/],
      ["float string", js("FP32", [1], ["1.5"]), /element 0 is "1.5"; FP32 needs a number \(or "NaN"/],
      ["float null", js("FP64", [2], [1, null]), /element 1 is null; FP64 needs a number/],
      ["fp32 overflow", js("FP32", [1], [1e39]), /element 0 is 1e\+39; FP32 needs a finite value within/],
      ["fp16 overflow", js("FP16", [1], [70000]), /element 0 is 70000; FP16 needs a finite value within ±65504/],
      ["bytes number", js("BYTES", [1], [5]), /element 0 is 5; BYTES needs a string/],
    ];
    for (const [what, input, re] of bad) it(what, () => throwsCodec(() => decodeJsonTensor(input as JsonTensor), re));

    it("errors name the tensor", () => throwsCodec(() => decodeJsonTensor(js("UINT8", [1], [300], "pixels")), /^tensor "pixels": element 0 is 300/));
  });

  describe("raw bytes", () => {
    it("layout is little-endian row-major", () => {
      const t = decodeJsonTensor(js("UINT16", [2], [1, 0x0203]));
      expect(Buffer.from(tensorToBytes(t)).toString("hex")).to.equal("01000302");
      const f = tensorFromBytes("x", "FP32", [1], Buffer.from("0000803f", "hex"));
      expect(f.data).to.be.instanceOf(Float32Array);
      expect(f.data[0]).to.equal(1);
    });

    it("copies unaligned input into an aligned array that does not alias it", () => {
      const buf = Buffer.alloc(9);
      buf.writeDoubleLE(1.25, 1);
      const t = tensorFromBytes("x", "FP64", [1], buf.subarray(1));
      expect(t.data[0]).to.equal(1.25);
      buf.fill(0);
      expect(t.data[0]).to.equal(1.25);
    });

    it("uses the typed arrays the datatypes prescribe", () => {
      for (const dt of ALL) {
        const size = dt === "BYTES" ? 0 : bytesPerElement(dt);
        const bytes = dt === "BYTES" ? encodeBytesElements(["a", "b"]) : new Uint8Array(2 * size);
        const t = tensorFromBytes("x", dt, [2], bytes);
        expect(t.data.byteLength).to.equal(bytes.length);
        expect(() => assertTensor(t)).not.to.throw();
      }
    });

    it("refuses wrong byte counts, bad BOOL bytes, malformed BYTES", () => {
      throwsCodec(() => tensorFromBytes("x", "FP32", [2, 2], new Uint8Array(15)), /FP32 shape \[2, 2\] needs 16 bytes but got 15/);
      throwsCodec(() => tensorFromBytes("x", "BOOL", [2], new Uint8Array([1, 2])), /BOOL element 1 is 2; BOOL bytes must be 0 or 1/);
      throwsCodec(() => tensorFromBytes("x", "BYTES", [1], new Uint8Array([5, 0, 0, 0, 1])), /claims 5 bytes but only 1 remain/);
      throwsCodec(() => tensorFromBytes("x", "BYTES", [1], new Uint8Array([1, 0])), /ends inside the length prefix/);
      throwsCodec(() => tensorFromBytes("x", "BYTES", [3], encodeBytesElements(["a", "b"])), /holds 2 element\(s\) but the shape needs 3/);
      throwsCodec(() => tensorFromBytes("x", "FP8" as Datatype, [1], new Uint8Array(1)), /not a supported datatype/);
      throwsCodec(() => tensorFromBytes("x", "UINT8", [1], [1] as unknown as Uint8Array), /must be a Uint8Array/);
    });
  });

  describe("assertTensor", () => {
    const ok: Tensor = { name: "x", datatype: "INT32", shape: [2], data: new Int32Array(2) };
    it("accepts a well-formed tensor and returns its element count", () => expect(assertTensor(ok)).to.equal(2));
    it("refuses a mismatched typed array", () =>
      throwsCodec(() => assertTensor({ ...ok, data: new Float32Array(2) }), /INT32 data must be a Int32Array, got Float32Array/));
    it("explains FP16 storage", () => throwsCodec(() => assertTensor({ ...ok, datatype: "FP16", data: new Float32Array(2) }), /Uint16Array[\s\S]*numberToFp16/));
    it("refuses a wrong element count", () => throwsCodec(() => assertTensor({ ...ok, shape: [3] }), /needs 3 element\(s\) but data has 2/));
    it("refuses an empty name", () => throwsCodec(() => assertTensor({ ...ok, name: "" }), /name must be a non-empty string/));
    it("refuses non-objects", () => throwsCodec(() => assertTensor(null as unknown as Tensor), /expected a tensor object/));
    it("refuses an invalid shape", () => throwsCodec(() => tensorToBytes({ ...ok, shape: [-2] }), /tensor "x": shape \[-2\] has an invalid dim/));
  });

  describe("BYTES", () => {
    it("splits and packs elements (binary elements survive raw bytes, not JSON)", () => {
      const bin = new Uint8Array([0xff, 0x00, 0xfe]);
      const packed = encodeBytesElements(["ab", bin]);
      expect(Buffer.from(packed).toString("hex")).to.equal("02000000616203000000ff00fe");
      const parts = decodeBytesElements(packed);
      expect(parts.map((p) => Buffer.from(p).toString("hex"))).to.deep.equal(["6162", "ff00fe"]);
      const t = tensorFromBytes("s", "BYTES", [2], packed);
      throwsCodec(() => encodeJsonTensor(t), /BYTES element 1 is not valid UTF-8[\s\S]*binary tensor extension/);
      throwsCodec(() => encodeBytesElements([5 as unknown as string]), /BYTES element 0 is number/);
    });
  });

  describe("datatype helpers", () => {
    it("element counts and sizes", () => {
      expect(elementCount([])).to.equal(1);
      expect(elementCount([2, 3, 4])).to.equal(24);
      expect(elementCount([5, 0, 7])).to.equal(0);
      throwsCodec(() => elementCount([2 ** 30, 2 ** 30]), /too many elements/);
      expect(ALL.filter((d) => d !== "BYTES").map(bytesPerElement)).to.deep.equal([1, 1, 2, 4, 8, 1, 2, 4, 8, 2, 4, 8]);
      throwsCodec(() => bytesPerElement("BYTES"), /no fixed size/);
    });
    it("maps OIP datatypes to onnxruntime types and back", () => {
      expect(ALL.map(ortTypeOf)).to.deep.equal(["bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "float16", "float32", "float64", "string"]);
      for (const dt of ALL) expect(datatypeOfOrtType(ortTypeOf(dt))).to.equal(dt);
      throwsCodec(() => datatypeOfOrtType("bfloat16"), /"bfloat16" has no Open Inference Protocol datatype/);
      throwsCodec(() => ortTypeOf("X" as Datatype), /not a supported datatype/);
    });
  });
});
