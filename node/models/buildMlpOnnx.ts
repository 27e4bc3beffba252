// Writes the bundled small test model (a 2-layer MLP) as ONNX protobuf bytes, with no Python or onnx package.
// Run `npx tsx node/models/buildMlpOnnx.ts` to regenerate models/mlp/mlp.onnx (the bytes are deterministic).
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { mlpWeights } from "./mlpWeights.js";

/** Minimal protobuf writer: just the wire types the ONNX messages below need. */
class Pb {
  private readonly parts: number[] = [];
  private varint(v: number): void {
    let n = BigInt(v);
    if (n < 0n) n += 1n << 64n;
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this.parts.push(b);
    } while (n > 0n);
  }
  int(field: number, v: number): this {
    this.varint((field << 3) | 0);
    this.varint(v);
    return this;
  }
  bytes(field: number, b: Uint8Array): this {
    this.varint((field << 3) | 2);
    this.varint(b.length);
    for (const x of b) this.parts.push(x);
    return this;
  }
  str(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Pb): this {
    return this.bytes(field, m.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const FLOAT = 1;

function initializer(name: string, dims: number[], data: Float32Array): Pb {
  const t = new Pb();
  for (const d of dims) t.int(1, d);
  return t.int(2, FLOAT).str(8, name).bytes(9, new Uint8Array(data.buffer));
}

function valueInfo(name: string, dims: (number | string)[]): Pb {
  const shape = new Pb();
  for (const d of dims) shape.msg(1, typeof d === "number" ? new Pb().int(1, d) : new Pb().str(2, d));
  const tensorType = new Pb().int(1, FLOAT).msg(2, shape);
  return new Pb().str(1, name).msg(2, new Pb().msg(1, tensorType));
}

function node(op: string, inputs: string[], outputs: string[], name: string): Pb {
  const n = new Pb();
  for (const i of inputs) n.str(1, i);
  for (const o of outputs) n.str(2, o);
  return n.str(3, name).str(4, op);
}

/**
 * The ONNX bytes of `mlp`: `y = relu(x · W1 + b1) · W2 + b2`, x float32 [batch, 16], y float32 [batch, 4].
 *
 * @example
 * writeFileSync("mlp.onnx", buildMlpOnnx());
 */
export function buildMlpOnnx(): Uint8Array {
  const [inDim, hidden, outDim] = [16, 32, 4];
  const graph = new Pb()
    .msg(1, node("MatMul", ["x", "W1"], ["h0"], "mm1"))
    .msg(1, node("Add", ["h0", "b1"], ["h1"], "add1"))
    .msg(1, node("Relu", ["h1"], ["h2"], "relu"))
    .msg(1, node("MatMul", ["h2", "W2"], ["h3"], "mm2"))
    .msg(1, node("Add", ["h3", "b2"], ["y"], "add2"))
    .str(2, "veritensor_mlp")
    .msg(5, initializer("W1", [inDim, hidden], mlpWeights(1, inDim * hidden, inDim, hidden)))
    .msg(5, initializer("b1", [hidden], mlpWeights(2, hidden, inDim, hidden)))
    .msg(5, initializer("W2", [hidden, outDim], mlpWeights(3, hidden * outDim, hidden, outDim)))
    .msg(5, initializer("b2", [outDim], mlpWeights(4, outDim, hidden, outDim)))
    .msg(11, valueInfo("x", ["batch", inDim]))
    .msg(12, valueInfo("y", ["batch", outDim]));
  return new Pb()
    .int(1, 8) // ir_version 8
    .str(2, "veritensor")
    .msg(7, graph)
    .msg(8, new Pb().str(1, "").int(2, 13)) // opset 13
    .done();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), "../../models/mlp/mlp.onnx");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildMlpOnnx());
  console.log(out);
}
