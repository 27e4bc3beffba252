// Weights a validator sets over node slots.


/** Weights over node slots: node ids (slots) and u16 weights (0..65535), same length. */
export interface Weights {
  nodeIds: number[];
  weights: number[];
}
