// The model is not registered (or is deprecated) in the ModelRegistry.
import { SdkError } from "./SdkError.js";

/** The model is not registered (or is deprecated) in the ModelRegistry. */
export class UnknownModelError extends SdkError {
  override name = "UnknownModelError";
  constructor(model: string) {
    super(`Model ${model} is not registered (or is deprecated) in the ModelRegistry.`, {
      hint: "List models with `veritensor models list`, or register one with `veritensor models register <file.onnx>`.",
    });
  }
}
