// The default verification policy of float models.


/** The default tolerance policy for float models (WAD fixed point). */
export const DEFAULT_MODEL_POLICY = { kind: "Tolerance" as const, minCosine: 999_900_000_000_000_000n, maxRelAbsError: 1_000_000_000_000_000n, topK: 0 };
