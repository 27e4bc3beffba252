// Explorer page: follows /api/events (server-sent snapshots; polls /api/snapshot where EventSource is missing) and
// renders tables and charts (no framework, no bundler).
"use strict";

const POLL_MS = 2000;
/** The "Receipt batches" table shows only the latest this many rows. */
const BATCH_ROWS = 25;
const $ = (sel) => document.querySelector(sel);

/** Formats a token amount given in base units (18 decimals) as a decimal string. */
function tokens(v, decimals = 2) {
  if (v === undefined || v === null || v === "") return "–";
  let b;
  try { b = BigInt(v); } catch { return String(v); }
  const neg = b < 0n; if (neg) b = -b;
  const whole = b / 10n ** 18n;
  const scale = 10n ** BigInt(decimals);
  const frac = ((b % 10n ** 18n) * scale) / 10n ** 18n;
  return (neg ? "-" : "") + whole.toLocaleString("en-US") + "." + frac.toString().padStart(decimals, "0");
}
const toNum = (v) => (v === undefined || v === null || v === "" ? NaN : Number(v) / 1e18);
const short = (a) => (typeof a === "string" && a.startsWith("0x") && a.length > 14 ? a.slice(0, 8) + "…" + a.slice(-6) : String(a ?? "–"));
const ms = (v) => (v === undefined || v === null || Number.isNaN(Number(v)) ? "–" : Number(v).toFixed(1));
const pct = (v) => (v === undefined || v === null || Number.isNaN(Number(v)) ? "–" : (Number(v) * 100).toFixed(1) + "%");

/** A table cell. */
function td(text, cls) {
  const el = document.createElement("td");
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

/** Replaces a table body with rows (arrays of cells), or a placeholder row. */
function fill(id, rows, emptyText) {
  const body = $(`#${id} tbody`);
  const cols = $(`#${id} thead tr`).children.length;
  if (!rows.length) {
    const tr = document.createElement("tr");
    const cell = td(emptyText || "none yet", "empty");
    cell.colSpan = cols;
    tr.appendChild(cell);
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(...rows.map((cells) => {
    const tr = document.createElement("tr");
    cells.forEach((c) => tr.appendChild(c instanceof Node ? c : td(String(c))));
    return tr;
  }));
}

/** Summary cards. */
function renderSummary(s) {
  const cards = [
    ["block", s.blockNumber],
    ["models", s.models.length],
    ["nodes", s.nodes.length],
    ["validators", s.validators.length],
    ["epochs", s.epochs.length],
    ["batches", s.batches.length],
    ["challenges", s.challenges.length],
    ["slashes", s.slashes.length],
  ];
  $("#summary").replaceChildren(...cards.map(([k, v]) => {
    const d = document.createElement("div");
    d.className = "card";
    d.innerHTML = `<div class="v"></div><div class="k"></div>`;
    d.querySelector(".v").textContent = String(v);
    d.querySelector(".k").textContent = k;
    d.dataset.key = k;
    return d;
  }));
}

function render(s) {
  renderSummary(s);
  const latest = s.epochs[s.epochs.length - 1];
  const lower = (a) => String(a || "").toLowerCase();
  fill("nodes", s.nodes.map((n) => {
    const m = n.measured?.[0] || {};
    return [
      td(short(n.operator), "mono"), n.endpoint, tokens(n.stake), tokens(n.price, 4), `${n.region || "–"} / ${n.energySource || "–"}`, String(n.carbonIntensity ?? "–"),
      `${ms(n.published?.p50Ms)} / ${ms(n.published?.p99Ms)}`,
      `${ms(m.p50Ms)} / ${ms(m.p99Ms)}`,
      `${pct(n.published?.acceptanceRate)} / ${pct(m.acceptanceRate)}`,
      n.published?.queueLength ?? "–",
      pct(n.incentive),
      tokens(n.lastEmission),
      td(n.active ? "active" : "jailed / inactive", n.active ? "ok" : "bad"),
    ];
  }), "no nodes registered");
  fill("validators", s.validators.map((v) => {
    const daemon = s.validatorDaemons.find((d) => d.stats && lower(d.stats.address || d.stats.validator || d.stats.operator) === lower(v.operator));
    const r = latest?.validators?.find((x) => lower(x.validator) === lower(v.operator));
    return [td(short(v.operator), "mono"), tokens(v.stake), r ? pct(r.dividends) : "–", r ? tokens(r.emission) : "–", daemon ? `${daemon.stats.totals?.probeChecks ?? 0} checks, ${(daemon.stats.challenges ?? []).length} challenges` : "–", td(v.active ? "active" : "inactive", v.active ? "ok" : "bad")];
  }), "no validators registered");
  fill("models", s.models.map((m) => [m.name, td(m.modelHash, "mono"), m.policy.kind === "Bitwise" ? "bitwise" : `cos ≥ ${(Number(m.policy.minCosine) / 1e18).toFixed(6)}, rel err ≤ ${(Number(m.policy.maxRelAbsError) / 1e18).toExponential(1)}${Number(m.policy.topK) ? `, top-${m.policy.topK}` : ""}`, td(short(m.owner), "mono"), td(m.deprecated ? "deprecated" : "active", m.deprecated ? "warn" : "ok")]), "no models registered");
  fill("epochs", [...s.epochs].reverse().map((e) => [String(e.epoch), String(e.blockNumber), tokens(e.emission), tokens(e.nodesShare), tokens(e.validatorsShare), td(short(e.txHash), "mono")]), "no epoch finalised yet");
  fill("batches", s.batches.slice(0, BATCH_ROWS).map((b) => [td(short(b.args.node), "mono"), String(b.args.batchIndex), `${b.args.firstSeq}–${b.args.lastSeq}`, td(short(b.args.root), "mono"), String(b.blockNumber), td(short(b.txHash), "mono")]), "no batch committed yet");
  $("#batches-count").textContent = s.batches.length > BATCH_ROWS
    ? `Showing the latest ${BATCH_ROWS} of ${s.batches.length} batches.`
    : `${s.batches.length} batch${s.batches.length === 1 ? "" : "es"} in total.`;
  fill("challenges", s.challenges.slice(0, 30).map((c) => [String(c.id), c.kind, td(short(c.node), "mono"), String(c.seq), c.status, td(c.outcome, /Mismatch|DoubleSigned|Unanswered/.test(c.outcome) ? "bad" : ""), tokens(c.slashed)]), "no challenges");
  fill("slashes", s.slashes.slice(0, 30).map((e) => [td(short(e.args.operator), "mono bad"), tokens(e.args.slashed), pct(Number(e.args.fractionWad) / 1e18), tokens(e.args.reward), String(e.args.jailed), String(e.blockNumber), td(short(e.txHash), "mono")]), "no slashes");

  // Charts: emissions per epoch (nodes vs validators), latest epoch's consensus and incentive per node.
  const epochs = s.epochs.slice(-30);
  window.VeritensorCharts.lineChart($("#chart-emissions"), [
    { name: "nodes", points: epochs.map((e) => ({ x: String(e.epoch), y: toNum(e.nodesShare) || 0 })) },
    { name: "validators", points: epochs.map((e) => ({ x: String(e.epoch), y: toNum(e.validatorsShare) || 0 })) },
  ]);
  // Per-node emission over time, one series per node.
  const nodeIds = [...new Set(epochs.flatMap((e) => e.nodes.map((n) => n.node)))];
  window.VeritensorCharts.lineChart($("#chart-nodes"), nodeIds.map((id) => ({
    name: short(id),
    points: epochs.map((e) => ({ x: String(e.epoch), y: toNum(e.nodes.find((n) => n.node === id)?.emission) || 0 })),
  })));
  renderHistory(s.history || []);
  renderWeights(latest);
  const groups = (latest?.nodes || []).map((x) => ({ label: short(x.node), values: [Number(x.consensus || 0), Number(x.incentive || 0)] }));
  window.VeritensorCharts.barChart($("#chart-consensus"), groups, ["consensus", "incentive"]);

  $("#contracts").textContent = `chain ${s.chainId} · AuditLog ${short(s.contracts.AuditLog)} · Subnet ${short(s.contracts.Subnet)}`;
  const status = $("#status");
  status.textContent = `live · block ${s.blockNumber} · updated ${new Date(s.updatedAt).toLocaleTimeString()}`;
  status.className = "ok";
  status.dataset.block = String(s.blockNumber);
}

/**
 * Rolling series the explorer server keeps (one sample per snapshot): each node's wait p50 (solid)
 * and p99 (dashed, same color) over time, and each node's pool stake over time. Waits are the node's
 * published /v2/stats, falling back to what a validator measured when a node publishes none.
 */
function renderHistory(history) {
  const ids = [...new Set(history.flatMap((h) => Object.keys(h.nodes)))];
  const label = (h) => new Date(h.at).toLocaleTimeString("en-GB");
  const wait = (v, key, fallback) => (v ? (v[key] ?? v[fallback] ?? null) : null);
  window.VeritensorCharts.lineChart($("#chart-waits"), ids.flatMap((id, i) => [
    { name: short(id), color: i, points: history.map((h) => ({ x: label(h), y: wait(h.nodes[id], "p50Ms", "measuredP50Ms") })) },
    { name: `${short(id)} p99`, color: i, dashed: true, legend: false, points: history.map((h) => ({ x: label(h), y: wait(h.nodes[id], "p99Ms", "measuredP99Ms") })) },
  ]), { dots: false });
  window.VeritensorCharts.lineChart($("#chart-stake"), ids.map((id, i) => ({
    name: short(id), color: i,
    points: history.map((h) => ({ x: label(h), y: h.nodes[id] ? toNum(h.nodes[id].stake) : null })),
  })), { dots: false });
}

/** The latest epoch's weight matrix: a row per validator, a column per node, then consensus. */
function renderWeights(latest) {
  const head = $("#weights thead tr");
  const nodes = latest?.nodes?.map((n) => n.node) || [];
  head.replaceChildren(...["validator", ...nodes.map(short)].map((t) => Object.assign(document.createElement("th"), { textContent: t })));
  const rows = (latest?.weights || []).map((w) => [td(short(w.validator), "mono"), ...nodes.map((n) => String(w.weights[n] ?? "–"))]);
  if (latest) rows.push([td("consensus", "muted"), ...latest.nodes.map((n) => Number(n.consensus).toFixed(3))]);
  fill("weights", rows, "no weights revealed yet");
}

function showFailure(message) {
  $("#status").textContent = `cannot read the chain: ${message} (retrying)`;
  $("#status").className = "bad";
}

async function poll() {
  try {
    const res = await fetch("/api/snapshot", { cache: "no-store" });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    render(body);
  } catch (err) {
    showFailure(err.message);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

/** Live updates pushed by the server; the browser reconnects by itself when the stream drops. */
function follow() {
  const events = new EventSource("/api/events");
  events.addEventListener("snapshot", (e) => {
    try {
      render(JSON.parse(e.data));
    } catch (err) {
      showFailure(err.message);
    }
  });
  events.addEventListener("failure", (e) => showFailure(JSON.parse(e.data).error));
  events.onerror = () => showFailure("the dashboard server is not answering");
}

if (typeof EventSource === "function") follow();
else poll();
