// The validator's HTTP client for one inference node: OIP v2 metadata and inference, and the receipt API.
import type { Hex, JsonTensor, SignedReceipt, Tensor } from "../../client/index.js";
import { decodeJsonTensor, encodeJsonTensor, receiptFromJson } from "../../client/index.js";
import { NodeRequestError } from "./NodeRequestError.js";

/** A node's answer to one inference request, as the validator saw it. */
export interface InferResult {
  outputs: Tensor[];
  receipt: SignedReceipt;
  /** Wall time from sending the request to having the whole answer, in ms. */
  latencyMs: number;
}

/** A node's receipt-API answer for one request id. */
export interface ReceiptStatus {
  receipt: SignedReceipt;
  status: string;
  /** Merkle proof of the receipt in its batch (present once the batch is cut). */
  proof?: Hex[];
  root?: Hex;
}

/**
 * Speaks to one node at `baseUrl`. Requests look like any user's: plain OIP JSON, a random client id,
 * no validator-specific headers.
 *
 * @example
 * const node = new NodeClient("http://127.0.0.1:8000");
 * const { outputs, receipt, latencyMs } = await node.infer("mlp", inputs, "b7c1...");
 */
export class NodeClient {
  constructor(readonly baseUrl: string, private readonly timeoutMs = 15_000) {}

  /** `GET /v2/models/{name}`: the model's metadata (inputs, outputs, modelHash...). */
  async metadata(model: string): Promise<{ inputs: { name: string; datatype: string; shape: number[] }[]; outputs: { name: string; datatype: string; shape: number[] }[]; modelHash?: Hex; [k: string]: unknown }> {
    return (await this.request("GET", `/v2/models/${encodeURIComponent(model)}`)) as never;
  }

  /** `POST /v2/models/{name}/infer` with JSON tensors; decodes the outputs and the receipt. */
  async infer(model: string, inputs: readonly Tensor[], id: string): Promise<InferResult> {
    const t0 = performance.now();
    const body = { id, inputs: inputs.map((t) => encodeJsonTensor(t)) };
    const res = (await this.request("POST", `/v2/models/${encodeURIComponent(model)}/infer`, body)) as {
      outputs?: JsonTensor[];
      parameters?: { receipt?: unknown };
    };
    const latencyMs = performance.now() - t0;
    if (!Array.isArray(res.outputs)) throw new NodeRequestError(200, "infer response has no outputs");
    if (!res.parameters?.receipt) throw new NodeRequestError(200, "infer response has no parameters.receipt");
    return { outputs: res.outputs.map((o) => decodeJsonTensor(o)), receipt: receiptFromJson(res.parameters.receipt), latencyMs };
  }

  /** `GET /v2/receipts/{requestId}`; undefined on 404. */
  async receipt(requestId: Hex): Promise<ReceiptStatus | undefined> {
    const res = (await this.request("GET", `/v2/receipts/${requestId}`, undefined, true)) as Record<string, unknown> | undefined;
    return res && parseReceiptStatus(res);
  }

  /** The node's stored receipt of `seq` (`GET /v2/receipts?seq=N`); undefined on 404. */
  async receiptBySeq(seq: bigint): Promise<ReceiptStatus | undefined> {
    const res = (await this.request("GET", `/v2/receipts?seq=${seq}`, undefined, true)) as Record<string, unknown> | undefined;
    return res && parseReceiptStatus(res);
  }

  /** `GET /v2/receipts/{requestId}/data`: the retained inputs and outputs; undefined on 404. */
  async receiptData(requestId: Hex): Promise<{ inputs: Tensor[]; outputs: Tensor[] } | undefined> {
    const res = (await this.request("GET", `/v2/receipts/${requestId}/data`, undefined, true)) as
      | { inputs: JsonTensor[]; outputs: JsonTensor[] }
      | undefined;
    if (!res) return undefined;
    return { inputs: res.inputs.map((t) => decodeJsonTensor(t)), outputs: res.outputs.map((t) => decodeJsonTensor(t)) };
  }

  private async request(method: string, path: string, body?: unknown, allow404 = false): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl.replace(/\/$/, "") + path, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new NodeRequestError(0, `${method} ${path}: ${(e as Error).message}`);
    }
    if (allow404 && res.status === 404) return undefined;
    const text = await res.text();
    if (!res.ok) throw new NodeRequestError(res.status, `${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new NodeRequestError(res.status, `${method} ${path}: body is not JSON`);
    }
  }
}

function parseReceiptStatus(res: Record<string, unknown>): ReceiptStatus {
  const proof = Array.isArray(res.proof) ? (res.proof as Hex[]) : undefined;
  return { receipt: receiptFromJson(res.receipt), status: String(res.status ?? "unknown"), proof, root: res.root as Hex | undefined };
}
