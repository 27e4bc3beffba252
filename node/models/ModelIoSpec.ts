// One input or output as announced in OIP model metadata.
import type { Datatype } from "../../client/index.js";

/** Name, OIP datatype and shape (-1 for variable dims) of a model input or output. */
export interface ModelIoSpec {
  name: string;
  datatype: Datatype;
  shape: number[];
  /** The onnxruntime type name (float32, int64...). */
  ortType: string;
}
