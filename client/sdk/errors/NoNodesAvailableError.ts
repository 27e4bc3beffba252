// No registered, active node serves the requested model.
import { SdkError } from "./SdkError.js";

/** No registered, active node serves the requested model. */
export class NoNodesAvailableError extends SdkError {
  override name = "NoNodesAvailableError";
  constructor(model: string, reason?: string) {
    super(`No active node serves model ${model}${reason ? ` (${reason})` : ""}.`, {
      hint: "Check the model with `veritensor models list` and the nodes with `veritensor status`.",
    });
  }
}
