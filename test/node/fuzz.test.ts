// Fuzz test: thousands of random malformed inference requests each get a 4xx with a clear message; none a 5xx, none a lost receipt.
import { expect } from "chai";
import { startTestNode, randomFloats } from "./nodeFixture.js";
import type { RunningNode } from "../../node/startNode.js";
import { xorshift32 } from "../../node/util/xorshift32.js";

/** xorshift32 PRNG with a pinned seed. */
function rng(seed: number) {
  const state = xorshift32(seed);
  const next = () => state() / 0x100000000;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

interface Req {
  path: string;
  body: Buffer;
  headers: Record<string, string>;
}

const WEIRD: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, "", "x", "NaN", "Infinity", [], {}, [[]], [null], { a: 1 }, "FP32", -0, 2 ** 53];

/** Builds one malformed request of a random kind (the kind is in the path for failure messages). */
function malformed(r: ReturnType<typeof rng>): Req {
  const json = (path: string, body: unknown): Req => ({ path, body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)), headers: { "content-type": "application/json" } });
  const good = () => ({ id: "f", inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: Array.from(randomFloats(16, r.int(1e6) + 1)) }] });
  const mlp = "/v2/models/mlp/infer";
  switch (r.int(16)) {
    case 0: {
      const n = r.next() < 0.05 ? 70_000 : r.int(300); // some over the 64 KiB body limit (413)
      return { path: mlp, body: Buffer.from(Array.from({ length: n }, () => r.int(256))), headers: {} };
    }
    case 1: {
      const s = JSON.stringify(good());
      return json(mlp, s.slice(0, r.int(s.length - 1)));
    }
    case 2:
      return json(mlp, r.pick(WEIRD));
    case 3:
      return json(mlp, { inputs: r.pick(WEIRD) });
    case 4: {
      const b = good();
      (b.inputs[0] as Record<string, unknown>)[r.pick(["name", "datatype", "shape", "data"])] = r.pick(WEIRD);
      return json(mlp, b);
    }
    case 5: {
      const b = good();
      b.inputs[0].shape = Array.from({ length: r.int(5) }, () => r.pick([-1, 0, 1, 2, 16, 17, 1e9, 2.5, 65]));
      return json(mlp, b);
    }
    case 6: {
      const b = good();
      const d = b.inputs[0].data as unknown[];
      d[r.int(16)] = r.pick(["NaN", "Infinity", "-Infinity", "1", null, true, {}, [1]]);
      return json(mlp, b);
    }
    case 7: {
      const b = good();
      b.inputs[0].datatype = r.pick(["INT32", "FP64", "FP16", "BOOL", "BYTES", "fp32", "FP33", "UINT8", "INT64"]);
      return json(mlp, b);
    }
    case 8: {
      const b = good() as { inputs: unknown[] };
      b.inputs.push({ name: r.pick(["x", "y", "state"]), datatype: "FP32", shape: [1, 16], data: new Array(16).fill(0) });
      return json(mlp, b);
    }
    case 9: {
      // binary extension with a wrong length somewhere
      const data = Buffer.from(randomFloats(16, 5).buffer);
      const declared = r.pick([0, 4, 60, 63, 65, 128, -1, 1.5]);
      const header = Buffer.from(JSON.stringify({ inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], parameters: { binary_data_size: declared } }] }));
      const extra = Buffer.alloc(r.int(3) * 4);
      const hlen = r.pick([String(header.length), String(header.length + 1), String(header.length - 1), "abc", "-5", String(1e9)]);
      return { path: mlp, body: Buffer.concat([header, data, extra]), headers: { "inference-header-content-length": hlen } };
    }
    case 10:
      return json(r.pick(["/v2/models/nope/infer", "/v2/models/mlp/versions/2/infer", "/v2/models//infer", "/v2/models/%00/infer", "/v2/models/mlp/infer/x"]), good());
    case 11:
      return json(mlp, { ...good(), outputs: r.pick([[{ name: "nope" }], "y", [1], [{}], [{ name: "y", parameters: 5 }]]) });
    case 12:
      return json(mlp, { ...good(), id: r.pick([1, {}, [], null, true]) });
    case 13:
      return json(mlp, { ...good(), parameters: r.pick([1, "x", [], null]) });
    case 14:
      return json("/v2/models/silero-vad/infer", {
        inputs: [
          { name: "input", datatype: "FP32", shape: [1, 512], data: new Array(512).fill(0) },
          { name: "state", datatype: "FP32", shape: r.pick([[2, 1, 127], [1, 1, 128], [2, 128]]), data: new Array(256).fill(0) },
          { name: "sr", datatype: "INT64", shape: [], data: [16000] },
        ],
      });
    default: {
      // nested data that does not match the shape
      const b = good();
      b.inputs[0].shape = [2, 8];
      (b.inputs[0] as Record<string, unknown>).data = [new Array(8).fill(0), new Array(r.pick([7, 9, 0])).fill(0)];
      return json(mlp, b);
    }
  }
}

describe("node fuzz: malformed requests", function () {
  let node: RunningNode;
  let cleanup: () => Promise<void>;

  before(async () => {
    ({ node, cleanup } = await startTestNode({ maxBodyBytes: 64 * 1024 }));
  });
  after(async () => cleanup?.());

  it("answers 3000 random malformed requests with 4xx + {error}, never 5xx, and keeps serving with no receipt lost", async () => {
    const r = rng(0xc0ffee);
    const total = 3000;
    let ok = 0;
    const okIds: string[] = [];
    const statuses = new Map<number, number>();
    let i = 0;
    const worker = async () => {
      while (i < total) {
        i++;
        const req = malformed(r);
        const res = await fetch(`${node.url}${req.path}`, { method: "POST", headers: req.headers, body: req.body });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${req.path} ${req.body.subarray(0, 120).toString()} -> ${text}`).to.be.below(500);
        if (res.status === 200) {
          ok++;
          okIds.push(JSON.parse(text).parameters.receipt.requestId);
          continue;
        }
        expect(res.status).to.be.at.least(400);
        const body = JSON.parse(text);
        expect(body.error, text).to.be.a("string").with.length.greaterThan(5);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(ok).to.be.below(total / 10); // nearly all were malformed
    // still serving, and every 200 left a durable receipt with gap-free seqs
    const res = await fetch(`${node.url}/v2/models/mlp/infer`, {
      method: "POST",
      body: JSON.stringify({ inputs: [{ name: "x", datatype: "FP32", shape: [1, 16], data: new Array(16).fill(0.5) }] }),
    });
    expect(res.status).to.equal(200);
    const lastSeq = BigInt(((await res.json()) as any).parameters.receipt.seq);
    expect(lastSeq).to.equal(BigInt(ok + 1));
    expect(node.store.count()).to.equal(ok + 1);
    for (const id of okIds) expect(node.store.byRequestId(id)).to.not.equal(undefined);
    expect(statuses.get(400)).to.be.greaterThan(total / 2);
  });
});
