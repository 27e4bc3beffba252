// Decodes an OIP v2 inference body: JSON (nested or flat data) or Triton's binary tensor extension.
import { decodeJsonTensor, tensorFromBytes, type JsonTensor, type Tensor } from "../../client/index.js";
import { HttpError } from "./HttpError.js";
import type { ParsedInferRequest, RequestedOutput } from "./ParsedInferRequest.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks the generic shape of one input object and names the first problem. */
function checkInputObject(v: unknown, i: number): asserts v is JsonTensor & { parameters?: Record<string, unknown> } {
  if (!isObject(v)) throw new HttpError(400, `inputs[${i}] must be an object with name, datatype, shape and data`);
  if (typeof v.name !== "string" || v.name === "") throw new HttpError(400, `inputs[${i}].name must be a non-empty string`);
  if (typeof v.datatype !== "string") throw new HttpError(400, `input '${v.name}': datatype must be a string such as "FP32"`);
  if (!Array.isArray(v.shape) || !v.shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw new HttpError(400, `input '${v.name}': shape must be an array of non-negative integers`);
  }
  if (v.parameters !== undefined && !isObject(v.parameters)) throw new HttpError(400, `input '${v.name}': parameters must be an object`);
}

/** Parses the request's requested outputs list. */
function parseOutputs(v: unknown): RequestedOutput[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new HttpError(400, "outputs must be an array of {name, parameters?}");
  return v.map((o, i) => {
    if (!isObject(o) || typeof o.name !== "string") throw new HttpError(400, `outputs[${i}] must be an object with a string name`);
    if (o.parameters !== undefined && !isObject(o.parameters)) throw new HttpError(400, `outputs[${i}].parameters must be an object`);
    return { name: o.name, binary: (o.parameters as Record<string, unknown> | undefined)?.binary_data === true };
  });
}

/**
 * Decodes an inference request body. `headerLength` is the `Inference-Header-Content-Length` header
 * (binary extension) or undefined for a plain JSON body. Every problem is an HttpError 400 whose
 * message names the input and what is wrong.
 *
 * @example
 * const req = parseInferRequest(body, req.get("inference-header-content-length"));
 */
export function parseInferRequest(body: Uint8Array, headerLength: string | undefined): ParsedInferRequest {
  let jsonEnd = body.length;
  if (headerLength !== undefined) {
    if (!/^\d+$/.test(headerLength.trim())) throw new HttpError(400, `Inference-Header-Content-Length must be a decimal byte count, got '${headerLength}'`);
    jsonEnd = Number(headerLength.trim());
    if (jsonEnd > body.length) throw new HttpError(400, `Inference-Header-Content-Length is ${jsonEnd} but the body has only ${body.length} bytes`);
  }
  if (jsonEnd === 0) throw new HttpError(400, "request body is empty: send an inference request JSON object");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, jsonEnd).toString("utf8"));
  } catch (err) {
    throw new HttpError(400, `request body is not valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new HttpError(400, "request body must be a JSON object with an inputs array");
  const { id, parameters, inputs, outputs } = parsed;
  if (id !== undefined && typeof id !== "string") throw new HttpError(400, "id must be a string");
  if (parameters !== undefined && !isObject(parameters)) throw new HttpError(400, "parameters must be an object");
  if (!Array.isArray(inputs) || inputs.length === 0) throw new HttpError(400, "inputs must be a non-empty array");
  let offset = jsonEnd;
  const binaryTotal = body.length - jsonEnd;
  const tensors: Tensor[] = inputs.map((input, i) => {
    checkInputObject(input, i);
    const size = input.parameters?.binary_data_size;
    try {
      if (size === undefined) {
        if (input.data === undefined) throw new HttpError(400, `input '${input.name}' has neither data nor parameters.binary_data_size`);
        return decodeJsonTensor(input);
      }
      if (headerLength === undefined) throw new HttpError(400, `input '${input.name}' has binary_data_size but the request has no Inference-Header-Content-Length header`);
      if (!Number.isSafeInteger(size) || (size as number) < 0) throw new HttpError(400, `input '${input.name}': binary_data_size must be a non-negative integer`);
      if (input.data !== undefined) throw new HttpError(400, `input '${input.name}' has both data and binary_data_size; send one`);
      if (offset + (size as number) > body.length) {
        throw new HttpError(400, `input '${input.name}' declares binary_data_size ${size} but only ${body.length - offset} bytes of binary data remain`);
      }
      const bytes = body.subarray(offset, offset + (size as number));
      offset += size as number;
      return tensorFromBytes(input.name, input.datatype as Tensor["datatype"], input.shape, bytes);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const msg = (err as Error).message.replace(/\nDetails: /g, ". ");
      throw new HttpError(400, msg.includes(input.name) ? msg : `input '${input.name}': ${msg}`);
    }
  });
  if (offset !== body.length) {
    throw new HttpError(400, `binary data length mismatch: the inputs declare ${offset - jsonEnd} bytes (binary_data_size) but the body carries ${binaryTotal}`);
  }
  const names = new Set<string>();
  for (const t of tensors) {
    if (names.has(t.name)) throw new HttpError(400, `input '${t.name}' is given twice`);
    names.add(t.name);
  }
  const params = (parameters ?? {}) as Record<string, unknown>;
  return { id, parameters: params, inputs: tensors, outputs: parseOutputs(outputs), binaryOutput: params.binary_data_output === true };
}
