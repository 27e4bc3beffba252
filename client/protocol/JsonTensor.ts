// A tensor as the Open Inference Protocol v2 JSON body carries it.

/**
 * A tensor in OIP v2 JSON form (request input or response output). `data` is flat or nested
 * row-major; it is absent when the bytes travel in the binary extension (`parameters.binary_data_size`).
 */
export interface JsonTensor {
  name: string;
  datatype: string;
  shape: number[];
  data?: unknown;
  parameters?: Record<string, unknown>;
}
