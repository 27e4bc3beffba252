// Refuses to run the raw-bytes codec on a big-endian host, where typed arrays are not little-endian.
import { endianness } from "node:os";
import { TensorCodecError } from "../../errors/TensorCodecError.js";

const IS_LE = endianness() === "LE";

/** Throws on big-endian hosts: the raw layout is little-endian and typed arrays use host order. */
export function assertLittleEndianHost(): void {
  if (!IS_LE) throw new TensorCodecError("big-endian hosts are not supported by the tensor codec");
}
