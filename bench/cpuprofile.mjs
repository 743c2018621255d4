#!/usr/bin/env node
// Minimal reader for V8 .cpuprofile files (written by `node --cpu-prof`): self time per function.
//
//   node bench/cpuprofile.mjs <file.cpuprofile> [--top 15]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Shorten a script URL for display: path relative to the repo, node_modules prefix kept short. */
export function shortLocation(url, line) {
  if (!url) return "";
  let path = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (path.startsWith(repo + "/")) path = path.slice(repo.length + 1);
  path = path.replace(/^.*?node_modules\//, "~/");
  return line >= 0 ? `${path}:${line + 1}` : path;
}

/**
 * Self time per function, largest first. Sample k lasts until sample k+1 (the last one until
 * endTime), the way Chrome DevTools counts it. Nodes with the same function name, script and line
 * (the same function reached through different call paths) are merged.
 * @param {{nodes: any[], samples: number[], timeDeltas: number[], startTime: number, endTime: number}} profile
 * @returns {{ name: string, location: string, selfMs: number, share: number }[]}
 */
export function selfTimes(profile) {
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const { samples, timeDeltas } = profile;
  const micros = new Map(); // key -> µs
  let total = 0;
  for (let k = 0; k < samples.length; k++) {
    const next = k + 1 < samples.length ? timeDeltas[k + 1] : 0;
    const duration = Math.max(0, next);
    const node = nodeById.get(samples[k]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"}\u0000${shortLocation(url, lineNumber)}`;
    micros.set(key, (micros.get(key) ?? 0) + duration);
    total += duration;
  }
  return [...micros]
    .map(([key, us]) => {
      const [name, location] = key.split("\u0000");
      return { name, location, selfMs: us / 1000, share: total > 0 ? us / total : 0 };
    })
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** Text table of the top k self-time functions of a .cpuprofile file. */
export function formatTop(file, k = 15) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const rows = selfTimes(profile);
  const totalMs = rows.reduce((s, r) => s + r.selfMs, 0);
  const lines = [`top ${k} self time of ${file} (${(totalMs / 1000).toFixed(1)} s sampled)`];
  lines.push(`${"self ms".padStart(9)} ${"share".padStart(6)}  function  (location)`);
  for (const r of rows.slice(0, k)) {
    lines.push(
      `${r.selfMs.toFixed(0).padStart(9)} ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}` +
        (r.location ? `  (${r.location})` : ""),
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node bench/cpuprofile.mjs <file.cpuprofile> [--top 15]");
    process.exit(2);
  }
  const topAt = process.argv.indexOf("--top");
  console.log(formatTop(file, topAt > 0 ? Number(process.argv[topAt + 1]) : 15));
}
