#!/usr/bin/env node
// Deterministic generator of an Arabic news archive for the benchmark (issue 8).
//
//   node bench/generate.mjs [--n 10000] [--dir bench/.corpus/<n>] [--add 50] [--force]
//
// Writes <dir>/src/news/YYYY/MM/DD-<index>.md in the front-matter format of docs/front-matter.md.
// Article i is a pure function of (i, n): the same n always gives the same bytes, and articles
// added with --add (indices n, n+1, …) are deterministic too; they are dated on the day after the
// archive's last article, like one day of news arriving.
//
// A stamp file (<dir>/stamp.json) records the generator version, n and how many articles were
// added. An existing corpus with the same version and n is reused; added articles are removed
// again by `ensureCorpus` so every benchmark starts from exactly n articles.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the output of the generator changes: corpora with another version are rebuilt. */
export const GENERATOR_VERSION = 1;
const SEED = 0x5eed_a1b2;

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const editors = JSON.parse(readFileSync(join(repo, "_data", "editors.json"), "utf8")).map((e) => e.name);
const sources = JSON.parse(readFileSync(join(repo, "_data", "sources.json"), "utf8")).map((s) => s.name);

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 seeded per article, so article i does not depend on how many came before it.

/** @param {number} seed */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {number} i */
function articleRandom(i) {
  // Mix the index so neighbouring articles get unrelated streams.
  let h = (SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32(h ^ (h >>> 16));
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
function pickSome(rnd, list, lo, hi) {
  const count = int(rnd, lo, hi);
  const chosen = new Set();
  while (chosen.size < count) chosen.add(pick(rnd, list));
  return [...chosen];
}

// ---------------------------------------------------------------------------------------------
// Word and sentence pools (written for this benchmark).

const PLACES = [
  "إدلب", "حلب", "حماة", "حمص", "دمشق", "درعا", "السويداء", "الرقة", "دير الزور", "الحسكة",
  "القامشلي", "اللاذقية", "طرطوس", "جسر الشغور", "معرة النعمان", "سراقب", "أريحا", "الباب",
  "جرابلس", "عفرين", "منبج", "تل أبيض", "الغوطة الشرقية", "القلمون", "ريف دمشق",
];
const TOPICS = [
  "خدمات", "تعليم", "صحة", "اقتصاد", "نزوح", "قصف", "زراعة", "مياه", "كهرباء", "إغاثة",
  "معابر", "سياسة", "أمن", "مخيمات", "ثقافة",
];
/** The tag pool: 25 places + 15 topics. */
export const TAGS = [...PLACES, ...TOPICS];

const MONTHS = [
  "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
  "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
];
const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

const ACTORS = [
  "ناشطون محليون", "مراسل الوكالة", "فرق الدفاع المدني", "مصادر طبية", "الأهالي", "المجلس المحلي",
  "منظمة إغاثية", "مديرية التربية", "لجنة الخدمات", "مصادر ميدانية", "متطوعون", "إدارة المشفى",
  "مزارعون من المنطقة", "فريق الرصد", "سكان الحي",
];
const VERBS = ["أفاد", "قال", "ذكر", "أكد", "أوضح", "نقل", "أشار", "أعلن"];
const COUNTED = [
  "مدرسة", "عائلة", "خيمة", "طالباً", "مريضاً", "منزلاً", "شاحنة", "بئراً", "قرية", "متطوعاً",
  "سلة غذائية", "محولاً كهربائياً", "دونماً",
];
const EVENTS = [
  "افتتاح مركز صحي جديد", "انقطاع المياه عن أحياء واسعة", "عودة الدوام إلى المدارس",
  "وصول قافلة مساعدات", "ارتفاع أسعار الخبز", "حملة لترميم الطرق", "قصف مدفعي على قرى",
  "احتجاج على تردي الخدمات", "إطلاق مشروع زراعي", "إغلاق معبر حدودي", "توزيع مادة المازوت",
  "نزوح عائلات جديدة", "إصلاح شبكة الكهرباء", "افتتاح سوق شعبي", "مبادرة لتنظيف الشوارع",
  "معرض للكتاب", "حملة تلقيح للأطفال", "تشغيل مخبز آلي",
];
const QUALIFIERS = [
  "", "", "", " بعد سنوات من الانقطاع", " وسط مخاوف الأهالي", " بدعم من منظمات محلية",
  " مع اقتراب فصل الشتاء", " للمرة الأولى منذ عامين", " رغم نقص التمويل",
];
const CLAUSES = [
  "وسط ظروف معيشية صعبة يعيشها السكان",
  "في ظل غياب شبه تام للخدمات الأساسية",
  "بينما تستمر المطالبات بتحسين الواقع الخدمي",
  "ما دفع كثيراً من العائلات إلى البحث عن بدائل",
  "دون أن تصدر أي جهة رسمية توضيحاً حتى الآن",
  "وفق ما رصدته الوكالة خلال الأيام الماضية",
  "في خطوة لاقت ترحيباً واسعاً بين الأهالي",
  "على أن تستكمل المرحلة الثانية خلال الأسابيع المقبلة",
  "بحسب ما أفاد به عدد من السكان",
  "وذلك بعد مطالبات متكررة من الأهالي",
];

// Sentence templates; each is a function of the article's PRNG.
const SENTENCES = [
  (r, ctx) => `${pick(r, VERBS)} ${pick(r, ACTORS)} بأن ${pick(r, EVENTS)} في ${ctx.place} جرى ${pick(r, CLAUSES)}.`,
  (r, ctx) => `وشمل المشروع ${int(r, 2, 480)} ${pick(r, COUNTED)} في ${ctx.place} وريفها، ${pick(r, CLAUSES)}.`,
  (r, ctx) => `وكان ${pick(r, ACTORS)} قد حذروا في ${dayPhrase(r)} من تفاقم الأوضاع في ${pick(r, PLACES)}.`,
  (r) => `وتعاني المنطقة منذ أشهر من ضعف الإمكانات، ${pick(r, CLAUSES)}.`,
  (r, ctx) => `وأضاف المصدر أن العمل سيستمر حتى ${dayPhrase(r)}، ${pick(r, CLAUSES)}.`,
  (r) => `وتشير التقديرات إلى أن نحو ${int(r, 10, 9000)} ${pick(r, COUNTED)} بحاجة إلى دعم عاجل.`,
  (r, ctx) => `ويقول أحد سكان ${ctx.place} إن الوضع لم يتغير كثيراً منذ ${dayPhrase(r)}.`,
  (r) => `ولم تتمكن الوكالة من التحقق بشكل مستقل من هذه الأرقام.`,
  (r) => `ويأمل الأهالي أن تتحسن الأحوال قريباً، ${pick(r, CLAUSES)}.`,
  (r, ctx) => `وفي سياق متصل، شهدت ${pick(r, PLACES)} ${pick(r, EVENTS)} يوم ${pick(r, WEEKDAYS)}.`,
  (r) => `وطالب ${pick(r, ACTORS)} الجهات المعنية بالتدخل السريع لتأمين ${int(r, 3, 250)} ${pick(r, COUNTED)} على الأقل.`,
  (r) => `وتعمل الفرق على مدار الساعة، ${pick(r, CLAUSES)}.`,
];

/** A date phrase like "2 آذار 2017". */
function dayPhrase(r) {
  return `${int(r, 1, 28)} ${pick(r, MONTHS)} ${int(r, 2011, 2022)}`;
}

function paragraph(r, ctx) {
  const count = int(r, 2, 4);
  const parts = [];
  for (let k = 0; k < count; k++) parts.push(pick(r, SENTENCES)(r, ctx));
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Dates: n articles spread over six years (2017-2022), local times 07:00-22:59, with Syria's
// offset of the time (+03:00 in summer, +02:00 in winter; +03:00 all year from 2023).

const START = Date.UTC(2017, 0, 1);
const END = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

const pad = (v, w = 2) => String(v).padStart(w, "0");

/** Local wall-clock time (as a UTC-based Date) of article i of n. */
function localTime(i, n, r) {
  if (i >= n) {
    // Added articles: the day after the archive ends, one every 7 minutes from 07:00.
    const minute = 420 + (((i - n) * 7) % 960);
    return new Date(END + minute * 60_000);
  }
  const day = Math.floor(((END - START) / DAY) * ((i + r()) / n));
  const minute = int(r, 420, 1379);
  return new Date(START + day * DAY + minute * 60_000);
}

function offsetFor(local) {
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  return year >= 2023 || (month >= 4 && month <= 10) ? "+03:00" : "+02:00";
}

function isoWithOffset(local) {
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${offsetFor(local)}`
  );
}

// ---------------------------------------------------------------------------------------------

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const list = (items) => `[${items.map(q).join(", ")}]`;

/**
 * Article i of an archive of n: its path relative to the site folder and its file text.
 * @param {number} i @param {number} n
 * @returns {{ path: string, text: string }}
 */
export function article(i, n) {
  const r = articleRandom(i);
  const local = localTime(i, n, r);
  const place = pick(r, PLACES);
  const ctx = { place };
  const tags = [place, ...pickSome(r, TAGS, 0, 3).filter((t) => t !== place)];
  const title = `${pick(r, EVENTS)} في ${place}${pick(r, QUALIFIERS)}`;
  const editor = r() < 0.1 ? pickSome(r, editors, 2, 2) : pick(r, editors);

  const fm = ["---", `title: ${q(title)}`, `date: ${isoWithOffset(local)}`];
  fm.push(`editor: ${Array.isArray(editor) ? list(editor) : q(editor)}`);
  fm.push(`sources: ${list(pickSome(r, sources, 1, 3))}`);
  fm.push(`tags: ${list(tags)}`);
  if (r() < 0.4) fm.push(`summary: ${q(paragraph(r, ctx).split(". ")[0].replace(/\.$/, "") + ".")}`);
  const b = r();
  if (b < 0.01) fm.push(b < 0.005 ? "breaking: true" : `breaking: ${q(`عاجل: ${title}`)}`);
  fm.push("---");

  const paragraphs = [];
  const count = int(r, 4, 12);
  // Opening paragraph with the article's own date, like agency copy.
  paragraphs.push(
    `${pick(r, VERBS)} ${pick(r, ACTORS)} يوم ${WEEKDAYS[local.getUTCDay()]} ${local.getUTCDate()} ` +
      `${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} بأن ${title}، ${pick(r, CLAUSES)}. ` +
      paragraph(r, ctx),
  );
  for (let k = 1; k < count; k++) paragraphs.push(paragraph(r, ctx));

  const path = join(
    "src", "news", String(local.getUTCFullYear()), pad(local.getUTCMonth() + 1),
    `${pad(local.getUTCDate())}-${pad(i, 6)}.md`,
  );
  return { path, text: `${fm.join("\n")}\n\n${paragraphs.join("\n\n")}\n` };
}

function writeArticle(dir, i, n) {
  const { path, text } = article(i, n);
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, "stamp.json"), "utf8"));
  } catch {
    return undefined;
  }
}
const writeStamp = (dir, stamp) => writeFileSync(join(dir, "stamp.json"), JSON.stringify(stamp, null, 2) + "\n");

export const defaultDir = (n) => join(repo, "bench", ".corpus", String(n));

/**
 * Make <dir> hold exactly articles 0..n-1 of this generator version; reuses what is there.
 * @returns {{ dir: string, reused: boolean, ms: number }}
 */
export function ensureCorpus(n, dir = defaultDir(n), { force = false } = {}) {
  const t0 = performance.now();
  const stamp = readStamp(dir);
  if (!force && stamp && stamp.version === GENERATOR_VERSION && stamp.n === n && stamp.seed === SEED) {
    if (stamp.added > 0) removeAdded(dir, n, stamp.added);
    return { dir, reused: true, ms: performance.now() - t0 };
  }
  rmSync(join(dir, "src"), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeArticle(dir, i, n);
  writeStamp(dir, { version: GENERATOR_VERSION, n, seed: SEED, added: 0 });
  return { dir, reused: false, ms: performance.now() - t0 };
}

/** Append k more articles (indices n+added …) to a corpus made by ensureCorpus. */
export function addArticles(k, n, dir = defaultDir(n)) {
  const stamp = readStamp(dir);
  if (!stamp || stamp.n !== n) throw new Error(`no corpus of ${n} articles in ${dir}: generate it first`);
  const paths = [];
  for (let i = n + stamp.added; i < n + stamp.added + k; i++) {
    writeArticle(dir, i, n);
    paths.push(article(i, n).path);
  }
  writeStamp(dir, { ...stamp, added: stamp.added + k });
  return paths;
}

/** Remove the articles added to a corpus of n (back to exactly n). */
export function removeAdded(dir, n, added = readStamp(dir)?.added ?? 0) {
  for (let i = n; i < n + added; i++) {
    const file = join(dir, article(i, n).path);
    if (existsSync(file)) unlinkSync(file);
    // Drop folders left empty (the added day's month and year).
    for (let d = dirname(file); d.startsWith(join(dir, "src", "news")) && d !== join(dir, "src", "news"); d = dirname(d)) {
      if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    }
  }
  const stamp = readStamp(dir);
  if (stamp) writeStamp(dir, { ...stamp, added: 0 });
}

// ---------------------------------------------------------------------------------------------

export function parseArgs(argv) {
  const opts = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${JSON.stringify(a)}`);
    const [key, inline] = a.slice(2).split("=", 2);
    if (inline !== undefined) opts[key] = inline;
    else if (k + 1 < argv.length && !argv[k + 1].startsWith("--")) opts[key] = argv[++k];
    else opts[key] = true;
  }
  return opts;
}

export function positiveInt(value, name) {
  const v = Number(value);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return v;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const n = positiveInt(opts.n ?? 10000, "n");
  const dir = opts.dir ? resolve(String(opts.dir)) : defaultDir(n);
  if (opts.add !== undefined) {
    const k = positiveInt(opts.add, "add");
    if (!readStamp(dir)) ensureCorpus(n, dir);
    const paths = addArticles(k, n, dir);
    console.log(`added ${paths.length} articles to ${dir} (first: ${paths[0]})`);
  } else {
    const { reused, ms } = ensureCorpus(n, dir, { force: Boolean(opts.force) });
    console.log(`${reused ? "reused" : "generated"} ${n} articles in ${dir} (${(ms / 1000).toFixed(1)} s)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`generate: ${error.message}`);
    process.exit(1);
  }
}
