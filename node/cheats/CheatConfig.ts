// Configuration of the test-only cheating modes of an inference node.

/** The ways a test node can cheat (see DESIGN.md "Faults and how each is settled"). */
export type CheatMode = "random" | "wrongModel" | "noise" | "omission" | "doubleSign";

/**
 * Test-only cheating, off unless `enabled` is true and the node's chain id is 31337 (a dev chain).
 *
 * @example
 * { "enabled": true, "mode": "noise", "rate": 0.1, "seed": 7 }
 */
export interface CheatConfig {
  /** Must be exactly `true`; anything else leaves the node honest. */
  enabled: boolean;
  mode: CheatMode;
  /** Fraction of requests (or receipts, for omission) to cheat on, in [0, 1] (default 1). */
  rate?: number;
  /** Seed of the cheat's own pseudo-random choices (default 1): runs are reproducible. */
  seed?: number;
  /** `noise`: amplitude relative to each output's largest magnitude (default 0.1: every element moves by 5-10%, far above any sane tolerance). */
  noiseScale?: number;
  /**
   * `omission` variant: `unstored` (default) answers with a signed receipt it never stores, so its seq is reused
   * and another leaf is committed there; `wrongLeaf` stores it but commits a batch root with that leaf replaced.
   */
  omission?: "unstored" | "wrongLeaf";
  /** `wrongModel`: model name -> path of another .onnx with the same inputs and outputs, run instead. */
  wrongModelFiles?: Record<string, string>;
}
