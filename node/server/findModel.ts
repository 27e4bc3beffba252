// Looks a model (and optional version) up by the URL's name, or throws 404 with what is served.
import type { NodeContext } from "./NodeContext.js";
import type { ServedModel } from "../models/ServedModel.js";
import { HttpError } from "../http/HttpError.js";

/**
 * The served model called `name`, checking `version` when the URL has one.
 *
 * @example
 * const model = findModel(ctx, req.params.name, req.params.version);
 */
export function findModel(ctx: NodeContext, name: string, version: string | undefined): ServedModel {
  const model = ctx.models.get(name);
  if (!model) throw new HttpError(404, `unknown model '${name}'; this node serves: ${[...ctx.models.keys()].join(", ")}`);
  if (version !== undefined && version !== model.config.version) {
    throw new HttpError(404, `model '${name}' has no version '${version}'; it serves version '${model.config.version}'`);
  }
  return model;
}
