// SDK plumbing without a chain: deployment JSON validation, node HTTP errors, published stats parsing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { InvalidDeploymentError } from "../../client/sdk/errors/InvalidDeploymentError.js";
import { NodeRequestError } from "../../client/sdk/errors/NodeRequestError.js";
import { fetchNode } from "../../client/sdk/fetchNode.js";
import { loadDeploymentAddresses } from "../../client/sdk/loadDeploymentAddresses.js";
import { readNodeStats } from "../../client/sdk/readNodeStats.js";

const A = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;

describe("client/sdk plumbing", () => {
  let server: Server;
  let url: string;

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === "/v2/stats") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ waitMs: { p50: 1.5, p90: 2, p99: 7.25, samples: 10 }, queueLength: 3, requests: 12, acceptanceRate: 0.75, pricePerRequest: "1000" }));
      } else if (req.url === "/v2/models/m/infer") {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "input x: expected shape [1,16], got [2]" }));
      } else {
        res.writeHead(503);
        res.end("down");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it("validates the deployment addresses JSON and says where it comes from", () => {
    const good = { chainId: 31337, startBlock: 3, contracts: { VeritensorToken: A, ModelRegistry: A, AuditLog: A, Subnet: A, Challenges: A }, models: [] };
    expect(loadDeploymentAddresses(good).startBlock).to.equal(3);
    expect(() => loadDeploymentAddresses({ ...good, contracts: { ...good.contracts, Subnet: "0x12" } } as never)).to.throw(InvalidDeploymentError, /contracts\.Subnet.*npm start/s);
    expect(() => loadDeploymentAddresses("/nonexistent/addresses.json")).to.throw(InvalidDeploymentError, /cannot read/);
  });

  it("reads a node's published stats", async () => {
    const s = await readNodeStats(url);
    expect(s).to.include({ p50Ms: 1.5, p99Ms: 7.25, queueLength: 3, requests: 12, acceptanceRate: 0.75 });
  });

  it("turns a 4xx into an error that quotes the node and says to fix the request", async () => {
    const err = await fetchNode(url, "/v2/models/m/infer", { method: "POST", body: "{}" }, 2000).catch((e) => e);
    expect(err).to.be.instanceOf(NodeRequestError);
    expect(err.status).to.equal(400);
    expect(err.message).to.match(/expected shape \[1,16\].*Fix the request/s);
  });

  it("turns a 5xx or an unreachable node into an error that suggests another node", async () => {
    const e1 = await fetchNode(url, "/other", {}, 2000).catch((e) => e);
    expect(e1).to.be.instanceOf(NodeRequestError);
    expect(e1.message).to.match(/pick another node/);
    const e2 = await fetchNode("http://127.0.0.1:1", "/v2/stats", {}, 2000).catch((e) => e);
    expect(e2).to.be.instanceOf(NodeRequestError);
    expect(e2.message).to.match(/unreachable/);
  });
});
