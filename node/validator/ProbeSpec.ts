// How the validator builds probe inputs for one model.

/**
 * Per-model probe settings. Probes must look like user requests, so by default they reuse inputs
 * seen in audited user receipts (slightly jittered) and otherwise synthesise inputs from the model's
 * metadata: dynamic dims become `shapes[input]` (or 1 for the first dim and `defaultDim` elsewhere),
 * floats are smooth random signals in `range`, integers come from `values[input]` when given.
 *
 * @example
 * { "shapes": { "x": [1, 3, 48, 192] }, "values": { "sr": [16000] }, "range": [-1, 1] }
 */
export interface ProbeSpec {
  /** Concrete shape per input name (overrides the metadata's dynamic dims). */
  shapes?: Record<string, number[]>;
  /** Fixed element values per input name (cycled to fill the tensor), e.g. a sample rate. */
  values?: Record<string, number[]>;
  /** Range of synthetic float values (default [-1, 1]). */
  range?: [number, number];
  /** Size used for dynamic dims other than the first (default 16). */
  defaultDim?: number;
}
