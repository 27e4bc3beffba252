// Encodes an Open Inference Protocol v2 infer request as JSON or with Triton's binary tensor extension.
import { encodeJsonTensor, tensorToBytes, type Tensor } from "../../index.js";

/** Parameters of {@link buildInferRequest}. */
export interface BuildInferRequestParameters {
  /** Request id echoed by the server. */
  id?: string;
  inputs: Tensor[];
  /** Send tensors as raw bytes after a JSON header and ask for binary outputs. */
  binary?: boolean;
  /** Output names to return (all when omitted). */
  outputs?: string[];
}

/** The HTTP body and headers of an infer request. */
export interface InferRequest {
  body: string | Uint8Array;
  headers: Record<string, string>;
}

/**
 * Builds the body of `POST /v2/models/{name}/infer`.
 *
 * @example
 * const { body, headers } = buildInferRequest({ inputs: [x], binary: true });
 * await fetch(url, { method: "POST", body, headers });
 */
export function buildInferRequest(p: BuildInferRequestParameters): InferRequest {
  if (!p.binary) {
    const json: Record<string, unknown> = { inputs: p.inputs.map(encodeJsonTensor) };
    if (p.id !== undefined) json.id = p.id;
    if (p.outputs) json.outputs = p.outputs.map((name) => ({ name }));
    return { body: JSON.stringify(json), headers: { "content-type": "application/json" } };
  }
  const blobs = p.inputs.map(tensorToBytes);
  const header: Record<string, unknown> = {
    inputs: p.inputs.map((t, i) => ({
      name: t.name,
      datatype: t.datatype,
      shape: t.shape,
      parameters: { binary_data_size: blobs[i].byteLength },
    })),
    parameters: { binary_data_output: true },
  };
  if (p.id !== undefined) header.id = p.id;
  if (p.outputs) header.outputs = p.outputs.map((name) => ({ name, parameters: { binary_data: true } }));
  const head = new TextEncoder().encode(JSON.stringify(header));
  const total = head.byteLength + blobs.reduce((n, b) => n + b.byteLength, 0);
  const body = new Uint8Array(total);
  body.set(head, 0);
  let offset = head.byteLength;
  for (const b of blobs) {
    body.set(b, offset);
    offset += b.byteLength;
  }
  return {
    body,
    headers: {
      "content-type": "application/octet-stream",
      "inference-header-content-length": String(head.byteLength),
    },
  };
}
