// The absolute difference below which two float outputs count as equal whatever their relative error.

/**
 * Absolute error (1e-6, about 8 float32 ulps at 1.0) at or below which an output's cosine and relative-error
 * checks are excused, and the smallest near-tie width for top-k agreement.
 *
 * Why: relative metrics are meaningless on outputs that are numerically zero. Measured (onnxruntime-node
 * 1.29 CPU, `node/validator/tools/measureDrift.ts`): PaddleOCR det's probability map on an image without
 * text is ~3.6e-7 everywhere, quantised at 2^-24 (it is computed as 1 - (a value near 1)); between graph
 * optimisation levels `all` and `disabled` — both honest — its cosine drops to 0.39 and
 * max|a-b|/max|ref| reaches 1.0, while max|a-b| stays under 4e-7. Any cheat that matters moves some output
 * by far more than 1e-6.
 */
export const ABSOLUTE_NOISE_FLOOR = 1e-6;
