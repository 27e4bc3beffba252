// Small inline-SVG charts for the explorer: a multi-series line chart and a grouped bar chart.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#4cc38a", "#5b9cf5", "#f5a524", "#f2555a", "#b084f5", "#3fc1c9", "#e879a6", "#a3b18a"];

/** Creates an SVG element with attributes. */
function svgEl(tag, attrs, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A "nice" upper bound for an axis. */
function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Short label for a large number. */
function shortNum(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(1) + "G";
  if (a >= 1e6) return (v / 1e6).toFixed(1) + "M";
  if (a >= 1e3) return (v / 1e3).toFixed(1) + "k";
  return a >= 10 || v === 0 ? v.toFixed(0) : v.toFixed(2);
}

/** Frame (axes, ticks, legend) shared by both charts; returns the SVG and a y-scale. */
function frame(container, { width = 520, height = 220, yMax, legend, colors }) {
  const pad = { l: 44, r: 10, t: 10, b: 34 };
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img" });
  const plotH = height - pad.t - pad.b;
  const y = (v) => pad.t + plotH - (v / yMax) * plotH;
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    svg.appendChild(svgEl("line", { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), stroke: "#263241" }));
    svg.appendChild(svgEl("text", { x: pad.l - 6, y: y(v) + 4, "text-anchor": "end" }, shortNum(v)));
  }
  let lx = pad.l;
  (legend || []).forEach((name, i) => {
    svg.appendChild(svgEl("rect", { x: lx, y: height - 12, width: 10, height: 10, fill: (colors && colors[i]) || PALETTE[i % PALETTE.length] }));
    svg.appendChild(svgEl("text", { x: lx + 14, y: height - 3 }, name));
    lx += 24 + name.length * 7.2;
  });
  container.replaceChildren(svg);
  return { svg, y, pad, width, height, plotW: width - pad.l - pad.r };
}

/**
 * Line chart. series: [{ name, points: [{ x: label, y: number | null }], color?, dashed?, legend? }]
 * sharing the same x labels. `color` is a palette index (default: the series' position), `dashed`
 * draws a lighter dashed line, `legend: false` leaves the series out of the legend; a null or
 * non-finite y leaves a gap. options.dots (default true) marks each point. Draws a "no data yet"
 * note when empty.
 */
function lineChart(container, series, options) {
  const labels0 = series.length ? series[0].points.length : 0;
  const dots = (options || {}).dots !== false || labels0 === 1; // a lone sample still shows
  const labels = series.length ? series[0].points.map((p) => p.x) : [];
  const ok = (v) => typeof v === "number" && Number.isFinite(v);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(ok);
  if (!labels.length || !ys.length) {
    container.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: "No data yet." }));
    return;
  }
  const yMax = niceMax(Math.max(...ys));
  const colorOf = (s, si) => PALETTE[(s.color ?? si) % PALETTE.length];
  const shown = series.map((s, si) => ({ s, si })).filter(({ s }) => s.legend !== false);
  const f = frame(container, { yMax, legend: shown.map(({ s }) => s.name), colors: shown.map(({ s, si }) => colorOf(s, si)) });
  const x = (i) => f.pad.l + (labels.length === 1 ? f.plotW / 2 : (i * f.plotW) / (labels.length - 1));
  const step = Math.max(1, Math.ceil(labels.length / 10));
  labels.forEach((l, i) => {
    if (i % step === 0) f.svg.appendChild(svgEl("text", { x: x(i), y: f.height - 20, "text-anchor": "middle" }, l));
  });
  series.forEach((s, si) => {
    const color = colorOf(s, si);
    let pen = "M";
    const d = s.points.map((p, i) => {
      if (!ok(p.y)) { pen = "M"; return ""; }
      const seg = `${pen}${x(i).toFixed(1)},${f.y(p.y).toFixed(1)}`;
      pen = "L";
      return seg;
    }).filter(Boolean).join(" ");
    if (!d) return;
    const style = s.dashed ? { "stroke-dasharray": "5 4", "stroke-opacity": 0.6, "stroke-width": 1.5 } : { "stroke-width": 2 };
    f.svg.appendChild(svgEl("path", { d, fill: "none", stroke: color, ...style, class: "series" }));
    if (dots) s.points.forEach((p, i) => { if (ok(p.y)) f.svg.appendChild(svgEl("circle", { cx: x(i), cy: f.y(p.y), r: 3, fill: color })); });
  });
}

/**
 * Grouped bar chart. groups: [{ label, values: number[] }], seriesNames: names of values' entries.
 */
function barChart(container, groups, seriesNames) {
  if (!groups.length) {
    container.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: "No data yet." }));
    return;
  }
  const yMax = niceMax(Math.max(...groups.flatMap((g) => g.values)));
  const f = frame(container, { yMax, legend: seriesNames });
  const gw = f.plotW / groups.length;
  const bw = Math.max(2, (gw * 0.7) / seriesNames.length);
  groups.forEach((g, gi) => {
    const gx = f.pad.l + gi * gw + gw * 0.15;
    g.values.forEach((v, si) => {
      const y = f.y(v);
      f.svg.appendChild(svgEl("rect", { x: gx + si * bw, y, width: bw - 1, height: Math.max(0, f.y(0) - y), fill: PALETTE[si % PALETTE.length], class: "bar" }));
    });
    f.svg.appendChild(svgEl("text", { x: gx + (bw * seriesNames.length) / 2, y: f.height - 20, "text-anchor": "middle" }, g.label));
  });
}

window.VeritensorCharts = { lineChart, barChart };
