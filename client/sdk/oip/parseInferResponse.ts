// Decodes an Open Inference Protocol v2 infer response (JSON or binary tensor extension).
import { decodeJsonTensor, tensorFromBytes, type Datatype, type JsonTensor, type Tensor } from "../../index.js";

/** A decoded infer response. */
export interface InferResponse {
  id?: string;
  modelName?: string;
  modelVersion?: string;
  outputs: Tensor[];
  parameters: Record<string, unknown>;
}

interface ResponseHeader {
  id?: string;
  model_name?: string;
  model_version?: string;
  outputs?: (JsonTensor & { parameters?: { binary_data_size?: number } })[];
  parameters?: Record<string, unknown>;
}

/**
 * Parses the body of an infer response. `headerLength` is the value of the
 * `Inference-Header-Content-Length` response header when the server used the binary extension.
 *
 * @example
 * const res = parseInferResponse(new Uint8Array(await r.arrayBuffer()), r.headers.get("inference-header-content-length"));
 */
export function parseInferResponse(body: Uint8Array, headerLength?: string | null): InferResponse {
  const headLen = headerLength ? Number(headerLength) : body.byteLength;
  if (!Number.isInteger(headLen) || headLen < 0 || headLen > body.byteLength) {
    throw new RangeError(`Inference-Header-Content-Length ${headerLength} does not fit a ${body.byteLength}-byte body`);
  }
  const header = JSON.parse(new TextDecoder().decode(body.subarray(0, headLen))) as ResponseHeader;
  let offset = headLen;
  const outputs = (header.outputs ?? []).map((o) => {
    const size = o.parameters?.binary_data_size;
    if (size === undefined) return decodeJsonTensor(o);
    if (offset + size > body.byteLength) throw new RangeError(`output ${o.name} overruns the response body`);
    const bytes = body.slice(offset, offset + size);
    offset += size;
    return tensorFromBytes(o.name, o.datatype as Datatype, o.shape, bytes);
  });
  return {
    id: header.id,
    modelName: header.model_name,
    modelVersion: header.model_version,
    outputs,
    parameters: header.parameters ?? {},
  };
}
