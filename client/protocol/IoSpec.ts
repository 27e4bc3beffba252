// A model's interface: its inputs and outputs as OIP model metadata announces them.
import type { Datatype } from "./Datatype.js";

/** One input or output of a model: name, OIP datatype and shape (-1 for a variable dimension). */
export interface IoSpecTensor {
  name: string;
  datatype: Datatype;
  shape: readonly number[];
}

/** A model's inputs and outputs (the part of OIP model metadata that `ioSpecHash` covers). */
export interface IoSpec {
  inputs: readonly IoSpecTensor[];
  outputs: readonly IoSpecTensor[];
}
