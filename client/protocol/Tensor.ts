// The in-memory tensor: a name, an OIP datatype, a shape and typed-array data in row-major order.
import type { Datatype } from "./Datatype.js";
import type { TensorData } from "./TensorData.js";

/**
 * A named tensor. `shape` is a list of non-negative integers (`[]` is a scalar with one element,
 * a 0 anywhere makes an empty tensor); `data` holds the elements in row-major order in the typed
 * array its datatype prescribes (see {@link TensorData}); its length equals the product of `shape`
 * (BYTES: the number of serialized elements equals it).
 *
 * @example
 * const t: Tensor = { name: "x", datatype: "FP32", shape: [1, 3], data: new Float32Array([1, 2, 3]) };
 */
export interface Tensor {
  name: string;
  datatype: Datatype;
  shape: number[];
  data: TensorData;
}
