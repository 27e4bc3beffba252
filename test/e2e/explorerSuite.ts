// Suite: the explorer dashboard in a real browser (Debian's Chromium via playwright-core) on a live devnet.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { TestDevnet } from "./devnetFixture.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Registers the dashboard tests against the devnet `getNet()` returns (started by the caller).
 *
 * @example
 * explorerSuite(() => net);
 */
export function explorerSuite(getNet: () => TestDevnet): void {
describe("explorer dashboard (Chromium)", function () {
  let net: TestDevnet;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;

  before(async () => {
    net = getNet();
    profile = mkdtempSync(join(tmpdir(), "veritensor-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await browser.newPage();
    await page.goto(net.devnet.explorer!.url);
    await page.waitForSelector("#status.ok", { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const rows = (table: string): Promise<string[][]> =>
    page.$$eval(`#${table} tbody tr`, (trs: any[]) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td: any) => String(td.textContent ?? ""))));

  it("lists the models, the 3 nodes with stake, price, waits and carbon intensity, and the 2 validators", async () => {
    const models = (await rows("models")).map((r) => r[0]);
    expect(models).to.include.members(["mlp", "paddle-cls"]);
    const nodes = await rows("nodes");
    expect(nodes).to.have.length(3);
    const endpoints = nodes.map((r) => r[1]);
    expect(endpoints).to.have.members(net.devnet.nodes.map((n) => n.endpoint));
    const green = nodes.find((r) => r[1] === net.devnet.nodes[0].endpoint)!;
    expect(green[4]).to.equal("eu-north / hydro");
    expect(green[5]).to.equal("25");
    expect(green[2]).to.match(/^1,[0-9]{3}\.\d\d$/); // 1000 self-stake + 500 delegated
    expect(green[6]).to.match(/^\d+\.\d \/ \d+\.\d$/); // published p50 / p99
    const cheater = nodes.find((r) => r[1] === net.devnet.nodes[2].endpoint)!;
    expect(green[9]).to.match(/^\d+$/); // queue length
    expect(cheater[12]).to.match(/jailed/);
    expect(await rows("validators")).to.have.length(2);
  });

  it("shows committed batches with roots and transactions, the challenge and the slash", async () => {
    const batches = await rows("batches");
    expect(batches.length).to.be.greaterThan(0);
    expect(batches[0][3]).to.match(/^0x[0-9a-f]{6}…[0-9a-f]{6}$/);
    const challenges = await rows("challenges");
    expect(challenges.some((r) => r[1] === "WrongOutput" && r[5] === "Mismatch")).to.equal(true);
    const slashes = await rows("slashes");
    expect(slashes.length).to.be.greaterThan(0);
  });

  it("draws the epoch charts as inline SVG", async () => {
    await page.waitForSelector("#chart-emissions svg path.series", { timeout: 20_000 });
    expect(await page.$$eval("#chart-consensus svg rect.bar", (r) => r.length)).to.be.greaterThan(0);
    expect((await rows("epochs")).length).to.be.greaterThan(0);
    expect(await page.$$eval("#chart-nodes svg path.series", (p) => p.length)).to.be.greaterThan(1);
    const weights = await rows("weights");
    expect(weights.length).to.be.greaterThan(1); // validators' rows + consensus
    expect(weights.some((r) => r.slice(1).some((cell) => /^\d+$/.test(cell) && Number(cell) > 0))).to.equal(true);
  });

  it("draws wait time and stake over time from the server's rolling history", async () => {
    await page.waitForSelector("#chart-waits svg path.series", { state: "attached", timeout: 20_000 });
    await page.waitForSelector("#chart-stake svg path.series", { state: "attached", timeout: 20_000 }); // a flat line has a zero-height box
    expect(await page.$$eval("#chart-waits svg path.series[stroke-dasharray]", (p) => p.length)).to.be.greaterThan(0); // p99
    expect(await page.$$eval("#chart-stake svg path.series", (p) => p.length)).to.equal(3);
    expect(await page.$$eval("#batches tbody tr", (r) => r.length)).to.be.at.most(25);
    expect(await page.textContent("#batches-count")).to.match(/\d+ (batch|batches)/);
  });

  it("streams snapshots as server-sent events (what the page follows)", async () => {
    const ac = new AbortController();
    const res = await fetch(new URL("/api/events", net.devnet.explorer!.url), { signal: ac.signal });
    try {
      expect(res.status).to.equal(200);
      expect(res.headers.get("content-type")).to.match(/^text\/event-stream/);
      const reader = res.body!.getReader();
      let text = "";
      while (!/event: snapshot\ndata: .*\n\n/.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended early: ${text}`);
        text += new TextDecoder().decode(value);
      }
      const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n\n/.exec(text)![1]);
      expect(snapshot.blockNumber).to.be.a("number");
      expect(snapshot.nodes).to.have.length(3);
    } finally {
      ac.abort();
    }
  });

  it("updates live as the chain moves", async () => {
    const before = Number(await page.getAttribute("#status", "data-block"));
    await page.waitForFunction((b: number) => Number((globalThis as any).document.querySelector("#status")?.getAttribute("data-block")) > b, before, { timeout: 20_000 });
    const after = Number(await page.getAttribute("#status", "data-block"));
    expect(after).to.be.greaterThan(before);
  });
});
}
