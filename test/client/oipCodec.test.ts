// The SDK's Open Inference Protocol v2 request/response codec (JSON and binary extension).
import { expect } from "chai";
import { tensorToBytes, type Tensor } from "../../client/index.js";
import { buildInferRequest } from "../../client/sdk/oip/buildInferRequest.js";
import { parseInferResponse } from "../../client/sdk/oip/parseInferResponse.js";

const x: Tensor = { name: "x", datatype: "FP32", shape: [2, 2], data: new Float32Array([1, 2.5, -3, 4]) };
const ids: Tensor = { name: "ids", datatype: "INT64", shape: [3], data: new BigInt64Array([1n, -2n, 3n]) };

describe("client/sdk OIP codec", () => {
  it("builds a JSON request with flat data and the id", () => {
    const { body, headers } = buildInferRequest({ id: "r1", inputs: [x] });
    expect(headers["content-type"]).to.equal("application/json");
    const json = JSON.parse(body as string);
    expect(json.id).to.equal("r1");
    expect(json.inputs[0]).to.include({ name: "x", datatype: "FP32" });
    expect(json.inputs[0].shape).to.deep.equal([2, 2]);
    expect(json.inputs[0].data).to.deep.equal([1, 2.5, -3, 4]);
  });

  it("builds a binary request: JSON header, then raw little-endian bytes in input order", () => {
    const { body, headers } = buildInferRequest({ inputs: [x, ids], binary: true });
    const headLen = Number(headers["inference-header-content-length"]);
    const bytes = body as Uint8Array;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, headLen)));
    expect(header.inputs.map((i: any) => i.parameters.binary_data_size)).to.deep.equal([16, 24]);
    expect(header.inputs[0].data).to.equal(undefined);
    expect(header.parameters.binary_data_output).to.equal(true);
    expect(Buffer.from(bytes.subarray(headLen, headLen + 16))).to.deep.equal(Buffer.from(tensorToBytes(x)));
    expect(Buffer.from(bytes.subarray(headLen + 16))).to.deep.equal(Buffer.from(tensorToBytes(ids)));
  });

  it("parses a binary response back into the same tensors", () => {
    const blob = tensorToBytes(x);
    const head = new TextEncoder().encode(
      JSON.stringify({ id: "r2", model_name: "m", outputs: [{ name: "x", datatype: "FP32", shape: [2, 2], parameters: { binary_data_size: blob.byteLength } }], parameters: { receipt: { a: 1 } } }),
    );
    const body = new Uint8Array([...head, ...blob]);
    const res = parseInferResponse(body, String(head.byteLength));
    expect(res.id).to.equal("r2");
    expect(res.modelName).to.equal("m");
    expect(Array.from(res.outputs[0].data as Float32Array)).to.deep.equal([1, 2.5, -3, 4]);
    expect(res.parameters.receipt).to.deep.equal({ a: 1 });
  });

  it("parses a JSON response with nested data", () => {
    const body = new TextEncoder().encode(JSON.stringify({ outputs: [{ name: "y", datatype: "INT32", shape: [2, 1], data: [[7], [8]] }] }));
    const res = parseInferResponse(body, null);
    expect(Array.from(res.outputs[0].data as Int32Array)).to.deep.equal([7, 8]);
  });

  it("rejects a binary output that overruns the body", () => {
    const head = new TextEncoder().encode(JSON.stringify({ outputs: [{ name: "y", datatype: "FP32", shape: [4], parameters: { binary_data_size: 16 } }] }));
    expect(() => parseInferResponse(new Uint8Array([...head, 1, 2, 3]), String(head.byteLength))).to.throw(/overruns/);
  });
});
