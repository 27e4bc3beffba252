// The canonical JSON of a model's input/output spec, the preimage of `ioSpecHash`.
import { TensorCodecError } from "../errors/TensorCodecError.js";
import type { IoSpec, IoSpecTensor } from "./IoSpec.js";
import { parseDatatype } from "./parseDatatype.js";

function canonicalTensors(list: readonly IoSpecTensor[], side: "inputs" | "outputs"): string[] {
  if (!Array.isArray(list)) throw new TensorCodecError(`io spec ${side} must be an array`);
  const items = list.map((t, i) => {
    const where = `io spec ${side}[${i}]`;
    if (typeof t?.name !== "string" || t.name === "") throw new TensorCodecError(`${where} needs a non-empty name`);
    const datatype = parseDatatype(t.datatype, `${where} datatype`);
    if (!Array.isArray(t.shape) || t.shape.some((d: unknown) => !Number.isSafeInteger(d) || (d as number) < -1)) {
      throw new TensorCodecError(`${where} ('${t.name}') shape ${JSON.stringify(t.shape)} is not a list of integers >= -1`, {
        details: "use -1 for a variable dimension",
      });
    }
    return { key: Buffer.from(t.name, "utf8"), json: JSON.stringify({ name: t.name, datatype, shape: t.shape.map(Number) }) };
  });
  items.sort((a, b) => Buffer.compare(a.key, b.key));
  for (let i = 1; i < items.length; i++) {
    if (Buffer.compare(items[i - 1].key, items[i].key) === 0) {
      throw new TensorCodecError(`io spec ${side} name ${JSON.stringify(items[i].key.toString("utf8"))} twice`);
    }
  }
  return items.map((x) => x.json);
}

/**
 * The canonical JSON of an io spec: `{"inputs":[...],"outputs":[...]}`, each tensor `{"name","datatype","shape"}`
 * in that key order, tensors sorted by name in UTF-8 byte order, no whitespace (JSON.stringify's escaping). Other
 * fields of the spec are ignored. Throws {@link TensorCodecError} on a malformed spec.
 *
 * @example
 * canonicalIoSpec({ inputs: [{ name: "x", datatype: "FP32", shape: [-1, 4] }], outputs: [{ name: "y", datatype: "FP32", shape: [-1, 2] }] })
 * // '{"inputs":[{"name":"x","datatype":"FP32","shape":[-1,4]}],"outputs":[{"name":"y","datatype":"FP32","shape":[-1,2]}]}'
 */
export function canonicalIoSpec(spec: IoSpec): string {
  if (spec === null || typeof spec !== "object") throw new TensorCodecError("io spec must be an object with inputs and outputs");
  const inputs = canonicalTensors(spec.inputs, "inputs");
  const outputs = canonicalTensors(spec.outputs, "outputs");
  return `{"inputs":[${inputs.join(",")}],"outputs":[${outputs.join(",")}]}`;
}
