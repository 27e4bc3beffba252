// Worker-thread entry: owns one onnxruntime InferenceSession and runs feeds sent by the main thread.
// Kept free of project imports (only packages and type-only imports) so Node can load it as a worker
// under tsx, under mocha, or with plain type stripping alike.
import { parentPort, workerData } from "node:worker_threads";
import { setPriority, constants } from "node:os";
import * as ort from "onnxruntime-node";
import type { WorkerInit, WorkerReady, WorkerRunRequest, WorkerRunResult, WorkerTensorSpec } from "./WorkerMessages.js";
import type { RawTensor } from "./RawTensor.js";
import type { TensorData } from "../../client/index.js";

const init = workerData as WorkerInit;
// Inference threads yield to the event loop thread (HTTP, digests, signing): on Linux a thread's nice
// value is its own, so this lowers only this worker. Keeps the server responsive when cores are busy.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  /* not permitted here: run at normal priority */
}
// onnxruntime prints provider-loading failures itself; the main thread logs the fallback once, as JSON.
ort.env.logLevel = "fatal";
const port = parentPort!;

/** Maps onnxruntime's metadata to specs with -1 for symbolic or unknown dims. */
function specsOf(meta: readonly ort.InferenceSession.ValueMetadata[]): WorkerTensorSpec[] {
  return meta.map((m) => {
    if (!m.isTensor) return { name: m.name, type: "unsupported", shape: [] };
    return { name: m.name, type: m.type, shape: m.shape.map((d) => (typeof d === "number" ? d : -1)) };
  });
}

/** Creates the session with the preferred providers, falling back to CPU alone when they fail to load. */
async function createSession(): Promise<{ session: ort.InferenceSession; ep: string; fallbackReason?: string }> {
  const base = { intraOpNumThreads: init.intraOpNumThreads, interOpNumThreads: 1, graphOptimizationLevel: "all" as const };
  const eps = init.executionProviders;
  try {
    const session = await ort.InferenceSession.create(init.modelPath, { ...base, executionProviders: eps });
    return { session, ep: eps[0] ?? "cpu" };
  } catch (err) {
    if (eps.length === 1 && eps[0] === "cpu") throw err;
    const session = await ort.InferenceSession.create(init.modelPath, { ...base, executionProviders: ["cpu"] });
    return { session, ep: "cpu", fallbackReason: (err as Error).message.split("\n")[0] };
  }
}

/** Copies an output into a transferable typed array that owns its whole buffer. */
function ownData(data: TensorData): TensorData {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) return data;
  return data.slice() as TensorData;
}

let session: ort.InferenceSession;
try {
  const created = await createSession();
  session = created.session;
  const ready: WorkerReady = {
    kind: "ready",
    executionProvider: created.ep,
    fallbackReason: created.fallbackReason,
    inputs: specsOf(session.inputMetadata),
    outputs: specsOf(session.outputMetadata),
  };
  port.postMessage(ready);
} catch (err) {
  port.postMessage({ kind: "failed", message: (err as Error).message } satisfies WorkerReady);
  process.exit(0);
}

port.on("message", async (msg: WorkerRunRequest | { kind: "close" }) => {
  if (msg.kind === "close") {
    // release the native session before the thread ends: terminating a thread inside session.run aborts the process
    await session.release().catch(() => undefined);
    process.exit(0); // in a worker this ends the thread only
  }
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const f of msg.feeds) feeds[f.name] = new ort.Tensor(f.type as ort.Tensor.Type, f.data as never, f.dims);
    const t0 = process.hrtime.bigint();
    const out = await session.run(feeds);
    const inferUs = Number(process.hrtime.bigint() - t0) / 1000;
    const outputs: RawTensor[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const name of session.outputNames) {
      const t = out[name];
      const data = ownData(t.data as TensorData);
      outputs.push({ name, type: t.type, dims: [...t.dims], data });
      transfer.push(data.buffer as ArrayBuffer);
    }
    port.postMessage({ kind: "result", id: msg.id, outputs, inferUs } satisfies WorkerRunResult, transfer);
  } catch (err) {
    port.postMessage({ kind: "runFailed", id: msg.id, message: (err as Error).message } satisfies WorkerRunResult);
  }
});
