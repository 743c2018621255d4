#!/usr/bin/env node
// Benchmark (not a test): saved pages imported per second by akhbar-import.
// Usage: npx tsc -p tsconfig.json && node bench/import.mjs [--n 10000] [--dir <parent>] [--keep] [--json]
//   --dir: where the temp folder is made (default the OS temp dir; /dev/shm takes the disk out).
//   Generates N saved pages (deterministic generator, in a temp folder), then imports them twice
//   in-process through runImport: (a) into an empty site (every article and the ticker file
//   written), (b) again (every article compared and found unchanged). Target: >= 2,000 pages/s for (a).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { mulberry32 } from "./generate.mjs";

const { runImport } = await import("../dist/importer/run.js");

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(value("--n", 10_000));
const TARGET = 2_000;

// Deterministic pseudo-random numbers (mulberry32).
const random = mulberry32(20170312);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const SUBJECTS = ["المجلس المحلي", "فرق الإنقاذ", "مديرية التربية", "الأهالي", "منظمة طبية", "قوات النظام", "الفصائل", "لجنة الإغاثة"];
const VERBS = ["أعلن", "افتتح", "أغلق", "وزع", "رصد", "نفى", "أكد", "علّق"];
const OBJECTS = ["مدرسة جديدة", "طريقاً رئيسياً", "سلالاً غذائية", "مستوصفاً", "معبراً حدودياً", "خط مياه", "فرناً آلياً", "سوقاً شعبياً"];
const PLACES = ["إدلب", "سراقب", "معرة النعمان", "أريحا", "جسر الشغور", "الأتارب", "الباب", "منبج", "حماة", "حمص", "درعا"];
const SOURCES = ["ناشطون", "إعلام النظام", "الدفاع المدني", "منسقو الاستجابة", "مصادر محلية", "مراسل الوكالة"];
const EDITORS = ["رامي الخطيب", "سلمى الأحمد", "يوسف الحلبي", "نور الشامي", "كريم درويش", "ليلى عثمان"];
const MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const SYMBOLS = ["", "", "", " *عاجل*", " <b>", " [تحديث]", " | تفاصيل"];

const sentence = () => `${pick(VERBS)} ${pick(SUBJECTS)} ${pick(OBJECTS)} في ${pick(PLACES)}${pick(SYMBOLS)}`;
const pad = (n) => String(n).padStart(2, "0");

/** One saved page in the shape of a real archive page (ticker newest first, crossing midnight). */
function page(i) {
  const items = [];
  let minutes = int(8 * 60, 23 * 60);
  for (let k = int(0, 9); k > 0; k--) {
    const attribution = random() < 0.85 ? ` (${pick(SOURCES)}${random() < 0.2 ? `، ${pick(SOURCES)}` : ""})` : "";
    items.push(`${sentence()}${attribution} - ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
    minutes -= int(5, 180);
    if (minutes < 0) minutes += 24 * 60;
  }
  const year = int(2012, 2020);
  const paragraphs = [];
  for (let k = int(3, 9); k > 0; k--) {
    const date = random() < 0.3 ? `، يوم ${int(1, 28)} ${pick(MONTHS)} ${year}،` : "";
    paragraphs.push(`${sentence()}${date} ${sentence()}، و${sentence()}.`);
  }
  const editor = random() < 0.9 ? `Editing: ${pick(EDITORS)} |` : "";
  return ["الأخبار العاجلة", items.join(" "), "", `${sentence()} (${i})`, "", "pictogram-avatar", editor, "", paragraphs.join("\n\n"), ""]
    .join(random() < 0.1 ? "\r\n" : "\n");
}

const dir = mkdtempSync(join(value("--dir", tmpdir()), "akhbar-import-bench-"));
try {
  const mtime = new Date("2021-04-05T07:00:00Z");
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const folder = join(dir, "pages", String(2012 + (i % 9)));
    if (i < 9) mkdirSync(folder, { recursive: true });
    const file = join(folder, `page-${String(i).padStart(6, "0")}.txt`);
    writeFileSync(file, page(i));
    utimesSync(file, mtime, mtime);
  }
  const generateMs = performance.now() - t0;

  const runOnce = () => {
    const start = performance.now();
    const summary = runImport({ inputs: ["pages"], out: "src/articles", cwd: dir });
    return { ms: performance.now() - start, summary };
  };
  const fresh = runOnce();
  const again = runOnce();
  if (fresh.summary.counts.imported !== N || fresh.summary.counts.failed !== 0) {
    throw new Error(`expected ${N} imported, got ${JSON.stringify(fresh.summary.counts)}`);
  }
  if (again.summary.counts.unchanged !== N) throw new Error(`re-import: ${JSON.stringify(again.summary.counts)}`);
  const rate = (ms) => Math.round((N / ms) * 1000);
  const result = {
    pages: N,
    generateMs: Math.round(generateMs),
    importMs: Math.round(fresh.ms),
    importPagesPerSecond: rate(fresh.ms),
    reimportMs: Math.round(again.ms),
    reimportPagesPerSecond: rate(again.ms),
    tickerItems: fresh.summary.ticker?.items ?? 0,
    target: TARGET,
  };
  if (flag("--json")) console.log(JSON.stringify(result));
  else {
    console.log(`akhbar-import benchmark: ${N.toLocaleString("en")} generated pages in ${dir} (generated in ${result.generateMs} ms)`);
    console.log(`  import into an empty site: ${result.importMs} ms  ${result.importPagesPerSecond.toLocaleString("en")} pages/s  (target >= ${TARGET.toLocaleString("en")})`);
    console.log(`  re-import (all unchanged): ${result.reimportMs} ms  ${result.reimportPagesPerSecond.toLocaleString("en")} pages/s`);
    console.log(`  ticker items stored once: ${result.tickerItems.toLocaleString("en")}`);
  }
  if (!flag("--json") && result.importPagesPerSecond < TARGET) {
    console.log("  below target: compare with --dir /dev/shm to tell disk time from importer time");
  }
} finally {
  if (flag("--keep")) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
