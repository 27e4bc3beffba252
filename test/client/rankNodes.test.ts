// Node ordering for discovery: price, latency, low-carbon.
import { expect } from "chai";
import type { NodeInfo } from "../../client/sdk/NodeInfo.js";
import { rankNodes } from "../../client/sdk/rankNodes.js";

const node = (id: string, price: bigint, p50: number | undefined, carbon: number, stake = 1n): NodeInfo => ({
  operator: id as `0x${string}`,
  signingKey: id as `0x${string}`,
  endpoint: `http://${id}`,
  price,
  region: "eu",
  energySource: "grid",
  carbonIntensity: carbon,
  stake,
  active: true,
  slot: 0,
  consensus: 0,
  incentive: 0,
  lastEmission: 0n,
  raw: {},
  stats: p50 === undefined ? undefined : { p50Ms: p50, raw: {} },
});

describe("client/sdk rankNodes", () => {
  const a = node("a", 3n, 5, 400);
  const b = node("b", 1n, 50, 30);
  const c = node("c", 2n, undefined, 120);
  it("orders by price", () => expect(rankNodes([a, b, c], "price").map((n) => n.operator)).to.deep.equal(["b", "c", "a"]));
  it("orders by latency, nodes without stats last", () => expect(rankNodes([c, b, a], "latency").map((n) => n.operator)).to.deep.equal(["a", "b", "c"]));
  it("orders by carbon intensity", () => expect(rankNodes([a, c, b], "low-carbon").map((n) => n.operator)).to.deep.equal(["b", "c", "a"]));
  it("breaks ties on the other criteria, then stake", () => {
    const d = node("d", 1n, 50, 30, 5n);
    expect(rankNodes([b, d], "price").map((n) => n.operator)).to.deep.equal(["d", "b"]);
  });
  it("refuses an unknown preference", () => expect(() => rankNodes([a], "cheap" as never)).to.throw(/prefer must be/));
});
