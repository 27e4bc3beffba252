// Runs one inference on a node and returns outputs with a verified receipt.
import { receiptFromJson, type Hex, type SignedReceipt, type Tensor } from "../index.js";
import type { ClientContext } from "./ClientContext.js";
import { discoverNodes, type NodePreference } from "./discoverNodes.js";
import { NodeRequestError } from "./errors/NodeRequestError.js";
import { ReceiptMissingError } from "./errors/ReceiptMissingError.js";
import { ReceiptFieldMismatchError } from "./errors/ReceiptFieldMismatchError.js";
import { fetchNode } from "./fetchNode.js";
import type { NodeInfo } from "./NodeInfo.js";
import { buildInferRequest } from "./oip/buildInferRequest.js";
import { parseInferResponse } from "./oip/parseInferResponse.js";
import { resolveModel } from "./resolveModel.js";
import { verifyInferenceReceipt } from "./verifyInferenceReceipt.js";

/** Parameters of {@link infer}. */
export interface InferParameters {
  /** Model name or `0x` model hash. */
  model: string;
  inputs: Tensor[];
  /** A specific node; otherwise the best by `prefer` (with fallback to the next on transport errors). */
  node?: NodeInfo;
  prefer?: NodePreference;
  /** Use Triton's binary tensor extension both ways (default false: JSON). */
  binary?: boolean;
  /** Request id sent to the node (echoed back). */
  id?: string;
}

/** Outputs plus the verified receipt. */
export interface InferReturnType {
  outputs: Tensor[];
  receipt: SignedReceipt;
  node: NodeInfo;
  modelHash: Hex;
  modelName: string;
  /** Wall time of the HTTP request, in ms. */
  latencyMs: number;
}

/**
 * Sends `inputs` to a node serving `model` over Open Inference Protocol v2 and returns the outputs
 * with the signed receipt, after checking: the signature recovers to the node's registered signing
 * key, the model hash is the registered one, the input digest is the one computed locally over
 * `inputs`, the output digest matches the outputs received. Any mismatch throws, never returns.
 *
 * @example
 * const x = { name: "x", datatype: "FP32", shape: [1, 4], data: new Float32Array([1, 2, 3, 4]) };
 * const { outputs, receipt } = await client.infer({ model: "tiny-mlp", inputs: [x], prefer: "low-carbon" });
 */
export async function infer(ctx: ClientContext, p: InferParameters): Promise<InferReturnType> {
  const model = await resolveModel(ctx, p.model);
  const candidates = p.node ? [p.node] : await discoverNodes(ctx, { model: model.name, prefer: p.prefer ?? "latency" });
  const { body, headers } = buildInferRequest({ id: p.id, inputs: p.inputs, binary: p.binary });
  let lastError: unknown;
  for (const node of candidates) {
    const started = performance.now();
    let res: Response;
    try {
      res = await fetchNode(node.endpoint, `/v2/models/${encodeURIComponent(model.name)}/infer`, { method: "POST", body, headers }, ctx.httpTimeoutMs);
    } catch (e) {
      lastError = e;
      const retryable = e instanceof NodeRequestError && (e.status === undefined || e.status >= 500 || e.status === 429);
      if (retryable && !p.node) continue;
      throw e;
    }
    const parsed = parseInferResponse(new Uint8Array(await res.arrayBuffer()), res.headers.get("inference-header-content-length"));
    const latencyMs = performance.now() - started;
    const wire = parsed.parameters.receipt;
    if (!wire || typeof wire !== "object") throw new ReceiptMissingError(node.endpoint);
    const receipt = receiptFromJson(wire as Record<string, string | number>);
    verifyInferenceReceipt({ receipt, domain: ctx.domain, expectedSigner: node.signingKey, modelHash: model.modelHash, inputs: p.inputs, outputs: parsed.outputs });
    if (p.id !== undefined && parsed.id !== undefined && parsed.id !== p.id) throw new ReceiptFieldMismatchError("requestId", p.id, parsed.id);
    return { outputs: parsed.outputs, receipt, node, modelHash: model.modelHash, modelName: model.name, latencyMs };
  }
  throw lastError;
}
