// Writes an OIP v2 inference response as JSON or with Triton's binary tensor extension.
import type { Response } from "express";
import { encodeJsonTensor, tensorToBytes, type Tensor } from "../../client/index.js";

/** What goes into an inference response. */
export interface InferResponseBody {
  model_name: string;
  model_version: string;
  id?: string;
  parameters: Record<string, unknown>;
  outputs: Tensor[];
  /** Names of outputs to send as binary data (the rest as JSON). */
  binary: Set<string>;
}

/**
 * Sends the response: plain JSON when no output is binary, else the JSON header followed by the raw
 * output bytes with `Inference-Header-Content-Length` and `application/octet-stream`.
 *
 * @example
 * writeInferResponse(res, { model_name: "mlp", model_version: "1", id, parameters: { receipt }, outputs, binary: new Set() });
 */
export function writeInferResponse(res: Response, body: InferResponseBody): void {
  const chunks: Uint8Array[] = [];
  const outputs = body.outputs.map((t) => {
    if (!body.binary.has(t.name)) return encodeJsonTensor(t);
    const bytes = tensorToBytes(t);
    chunks.push(bytes);
    return { name: t.name, datatype: t.datatype, shape: t.shape, parameters: { binary_data_size: bytes.length } };
  });
  const header = { model_name: body.model_name, model_version: body.model_version, id: body.id, parameters: body.parameters, outputs };
  if (chunks.length === 0) {
    res.json(header);
    return;
  }
  const json = Buffer.from(JSON.stringify(header));
  res
    .status(200)
    .set("Content-Type", "application/octet-stream")
    .set("Inference-Header-Content-Length", String(json.length))
    .send(Buffer.concat([json, ...chunks]));
}
