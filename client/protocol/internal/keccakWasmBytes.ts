// Builds a tiny WebAssembly module with keccak-f[1600] over native 64-bit lanes (i64.rotl), generated here, not shipped as a blob.
//
// Memory (one 64 KiB page, exported as `m`): bytes 0..199 the state (lane i = bytes 8i..8i+7, little-endian,
// as Keccak defines it), 200..391 the 24 round constants (written by the caller), from 512 the input blocks.
// Export `f(blocks, ptr)`: for each of `blocks` 136-byte blocks at `ptr`, xors it into the rate and permutes.
// Rotation offsets and the pi permutation are computed from the Keccak reference definitions below.

/** Byte offset of the round constants in the module's memory. */
export const KECCAK_WASM_RC_OFFSET = 200;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
/** Signed LEB128 of a non-negative integer (i32.const / i64.const immediates). */
const sleb = (n: number): number[] => {
  const out = uleb(n);
  if (out[out.length - 1] & 0x40) {
    out[out.length - 1] |= 0x80;
    out.push(0);
  }
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// opcodes
const BLOCK = 0x02, LOOP = 0x03, END = 0x0b, BR = 0x0c, BR_IF = 0x0d, VOID = 0x40;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_CONST = 0x41, I64_CONST = 0x42, I64_LOAD = 0x29, I64_STORE = 0x37;
const I32_EQZ = 0x45, I32_NE = 0x47, I32_ADD = 0x6a, I32_SUB = 0x6b, I64_AND = 0x83, I64_XOR = 0x85, I64_ROTL = 0x89;

/**
 * The bytes of the keccak-f[1600] module (about 1.5 KB), for `new WebAssembly.Module(...)`.
 *
 * @example
 * const { exports } = new WebAssembly.Instance(new WebAssembly.Module(keccakWasmBytes())); // f(blocks, ptr), memory m
 */
export function keccakWasmBytes(): Uint8Array {
  // locals: 0 blocks (i32), 1 ptr (i32), 2..26 state A, 27..31 C, 32..56 B, 57 D (i64), 58 round offset (i32)
  const A = (i: number) => 2 + i, C = (x: number) => 27 + x, B = (i: number) => 32 + i, D = 57, R = 58;
  // rho offsets r[x + 5y] from the reference walk (x, y) -> (y, 2x + 3y), offset (t + 1)(t + 2) / 2
  const rot = new Array<number>(25).fill(0);
  for (let t = 0, x = 1, y = 0; t < 24; t++) {
    rot[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  const code: number[] = [];
  const mem = (op: number, offset: number) => code.push(op, 3, ...uleb(offset));
  for (let i = 0; i < 25; i++) code.push(I32_CONST, 0), mem(I64_LOAD, 8 * i), code.push(SET, A(i));
  code.push(BLOCK, VOID, LOOP, VOID, GET, 0, I32_EQZ, BR_IF, 1);
  for (let i = 0; i < 17; i++) code.push(GET, A(i), GET, 1), mem(I64_LOAD, 8 * i), code.push(I64_XOR, SET, A(i));
  code.push(I32_CONST, 0, SET, R, LOOP, VOID);
  // theta
  for (let x = 0; x < 5; x++) code.push(GET, A(x), GET, A(x + 5), I64_XOR, GET, A(x + 10), I64_XOR, GET, A(x + 15), I64_XOR, GET, A(x + 20), I64_XOR, SET, C(x));
  for (let x = 0; x < 5; x++) {
    code.push(GET, C((x + 4) % 5), GET, C((x + 1) % 5), I64_CONST, 1, I64_ROTL, I64_XOR, SET, D);
    for (let y = 0; y < 5; y++) code.push(GET, A(x + 5 * y), GET, D, I64_XOR, SET, A(x + 5 * y));
  }
  // rho and pi: B[y + 5((2x + 3y) mod 5)] = rotl(A[x + 5y], r[x + 5y])
  for (let x = 0; x < 5; x++)
    for (let y = 0; y < 5; y++) {
      code.push(GET, A(x + 5 * y));
      if (rot[x + 5 * y] !== 0) code.push(I64_CONST, ...sleb(rot[x + 5 * y]), I64_ROTL);
      code.push(SET, B(y + 5 * ((2 * x + 3 * y) % 5)));
    }
  // chi: A[x + 5y] = B[x + 5y] ^ (~B[x + 1 + 5y] & B[x + 2 + 5y])
  for (let y = 0; y < 5; y++)
    for (let x = 0; x < 5; x++)
      code.push(GET, B(x + 5 * y), GET, B(((x + 1) % 5) + 5 * y), I64_CONST, 0x7f /* -1 */, I64_XOR, GET, B(((x + 2) % 5) + 5 * y), I64_AND, I64_XOR, SET, A(x + 5 * y));
  // iota, next round
  code.push(GET, A(0), GET, R), mem(I64_LOAD, KECCAK_WASM_RC_OFFSET), code.push(I64_XOR, SET, A(0));
  code.push(GET, R, I32_CONST, 8, I32_ADD, TEE, R, I32_CONST, ...sleb(192), I32_NE, BR_IF, 0, END);
  code.push(GET, 1, I32_CONST, ...sleb(136), I32_ADD, SET, 1, GET, 0, I32_CONST, 1, I32_SUB, SET, 0, BR, 0, END, END);
  for (let i = 0; i < 25; i++) code.push(I32_CONST, 0, GET, A(i)), mem(I64_STORE, 8 * i);
  code.push(END);
  const body = [...vec([[...uleb(56), 0x7e], [1, 0x7f]]), ...code];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 2, 0x7f, 0x7f, 0]])), // type (i32, i32) -> ()
    ...section(3, vec([[0]])), // one function of type 0
    ...section(5, vec([[0, 1]])), // memory: min 1 page
    ...section(7, vec([[1, 0x6d, 2, 0], [1, 0x66, 0, 0]])), // exports "m" (memory 0), "f" (func 0)
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ];
  return Uint8Array.from(bytes);
}
