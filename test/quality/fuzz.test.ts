// Fuzzing the parsers with fast-check: attribution parsing, saved-page parsing, dates (values and
// dates named in text) and front matter. For every generated input each parser returns within a
// time bound, throws nothing but AkhbarError, and keeps the text it is given. (sources-fuzz and
// importer-parse already check that attribution and page parsing keep every character of ordinary
// inputs; this file adds adversarial lengths, arbitrary values and the other parsers.)
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { AkhbarError } from "../../plugin/errors.js";
import { createSourceRegistry, parseAttribution, splitAttributedText, splitTickerLine } from "../../plugin/sources/index.js";
import { parsePage } from "../../plugin/importer/parse.js";
import { toInstant } from "../../plugin/dates/index.js";
import { findDates } from "../../plugin/dates/text.js";
import { parseFrontMatter } from "../../plugin/theme/front-matter.js";
import { MAX_SLUG_BYTES, slugify } from "../../plugin/theme/slugs.js";

const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")));

/** Generous per-call bound: linear parsers take well under a millisecond per KB; backtracking blows far past it. */
const BOUND_MS = 1500;

/** Run `fn`, fail on a non-AkhbarError or on a call slower than BOUND_MS; return its result (or the AkhbarError). */
function guarded<T>(name: string, input: unknown, fn: () => T): T | AkhbarError {
  const start = performance.now();
  let result: T | AkhbarError;
  try {
    result = fn();
  } catch (error) {
    if (!(error instanceof AkhbarError)) {
      throw new Error(`${name} threw ${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message} for ${JSON.stringify(input).slice(0, 300)}`);
    }
    result = error;
  }
  const ms = performance.now() - start;
  if (ms > BOUND_MS) throw new Error(`${name} took ${ms.toFixed(0)} ms for ${String(JSON.stringify(input)).length} chars of input`);
  return result;
}

// Pieces that drive the parsers into their interesting paths.
const piece = fc.constantFrom(
  "(", ")", "((", "))", " - ", "-", "–", ":", "：", " ", "\n", "\r\n", "\r", "+", "،", ",", " و", "و", "|",
  "12:30", "٢٣:٥٩", "99:99", "1", "0", "١٤٤٠", "2017", "2019-02-22", "2017-02-30", "T10:00:00+03:00", "Z",
  "الجمعة", "22", "شباط", "آذار", "أيار", "كانون الثاني", "رجب", "رمضان", "هـ", "م", "الجاري", "الماضي", "المقبل",
  "ناشطون", "إعلام النظام", "مصادر محلية", "الأخبار العاجلة", "pictogram-avatar", "Editing: ", "تحرير: ",
  "---", "---\n", "title: ", "tags: [", "]", "{", "}", "&", "*a", "!!js/function", "'", '"', "\\", "\t",
  "\u200f", "\u202e", "\ufeff", "\u0000", "ـ", "ً", "x", "<script>", "\uD800",
);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 40 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
);
/** Long, repetitive inputs: where catastrophic backtracking shows. */
const long = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 500, max: 4000 }), text)
  .map(([unit, times, tail]) => unit.join("").repeat(times).slice(0, 40_000) + tail);
const anyText = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: long });

const nonSpace = (s: string) => s.replace(/[\s\u200e\u200f\u061c]+/g, "");

test("attribution parsing: bounded time, never throws, keeps every non-space character (long inputs too)", () => {
  fc.assert(
    fc.property(anyText, fc.boolean(), (s, withRegistry) => {
      const reg = withRegistry ? registry : undefined;
      const r = guarded("splitAttributedText", s, () => splitAttributedText(s, reg));
      assert.not.instance(r, AkhbarError, "splitAttributedText is documented never to throw");
      const one = r as ReturnType<typeof splitAttributedText>;
      assert.is(nonSpace(one.text + (one.raw.attribution ?? "") + (one.raw.time ?? "")), nonSpace(s.replace(/\s+/g, " ")));
      const items = guarded("splitTickerLine", s, () => splitTickerLine(s, reg));
      assert.not.instance(items, AkhbarError);
      guarded("parseAttribution", s, () => parseAttribution(s, reg));
    }),
    { numRuns: 400 },
  );
});

test("page parsing: bounded time, only AkhbarError, every non-blank line's text is kept", () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const page = guarded("parsePage", s, () => parsePage(s, { file: "fuzz.txt", refDate: "2020-01-01" }));
      if (page instanceof AkhbarError) {
        assert.ok(page.message.includes("fuzz.txt"), "the error names the file");
        return;
      }
      const kept = nonSpace([page.title, ...page.paragraphs, ...page.tickerLines, ...page.byline].join(""));
      for (const line of s.replace(/^\ufeff/, "").split(/\r\n|\r|\n/)) {
        const t = nonSpace(line);
        if (t !== "" && t !== "الأخبارالعاجلة") assert.ok(kept.includes(t), `line kept: ${JSON.stringify(line).slice(0, 80)}`);
      }
    }),
    { numRuns: 400 },
  );
});

test("toInstant: any value either gives a consistent instant or throws AkhbarError, fast", () => {
  const value = fc.oneof(
    anyText,
    fc.date({ noInvalidDate: false }),
    fc.integer(),
    fc.double(),
    // The last hours of JS's Date range: the zone offset there is NaN (found by this test, see docs/quality.md).
    fc.constantFrom(new Date(8_640_000_000_000_000 - 10_000_000), new Date(-8_640_000_000_000_000 + 10_000_000)),
    fc.constantFrom(null, undefined, true, {}, [], "2017-02-30", "2020-13-01", "1440-06-17", "  2019-02-22  ", "+275760-09-13"),
    fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom("", "T10:00", "T25:61:00Z", "T10:30:00+02:00"))
      .map(([y, m, d, t]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}${t}`),
  );
  fc.assert(
    fc.property(value, (v) => {
      const r = guarded("toInstant", v, () => toInstant(v as never, { timeZone: "Asia/Damascus" }));
      if (r instanceof AkhbarError) {
        assert.ok(r.message.length > 0);
        return;
      }
      assert.ok(Number.isFinite(r.epochMs), "a finite instant");
      assert.match(r.day, /^-?\d{4,6}-\d{2}-\d{2}$/);
      if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) assert.is(r.day, v.trim(), "a date-only value is that calendar day");
    }),
    { numRuns: 1500 },
  );
});

test("findDates: bounded time, only AkhbarError, mentions are in-order slices of the text", () => {
  fc.assert(
    fc.property(anyText, fc.option(fc.constantFrom("2017-05-20", "2020-01-01", "1999-12-31", "2017-02-30", "x")), (s, refDate) => {
      const found = guarded("findDates", s, () => findDates(s, refDate === null ? {} : { refDate }));
      if (found instanceof AkhbarError) return;
      let end = 0;
      for (const m of found) {
        assert.ok(m.start >= end && m.end > m.start && m.end <= s.length, `ordered, non-overlapping: ${m.start}-${m.end}`);
        assert.is(s.slice(m.start, m.end), m.text, "the mention is the text it points at");
        end = m.end;
      }
    }),
    { numRuns: 400 },
  );
});

test("parseFrontMatter: bounded time, only AkhbarError naming the file, the body is never dropped", () => {
  const yamlLine = fc.oneof(
    fc.constantFrom("title: عنوان", "date: 2019-02-22", "tags: [أ, ب]", "tags: [", "a: *x", "&a b: 1", "? x", "- y", "k: 'v", "!!binary x", "<<: *a"),
    text.map((t) => t.replace(/^---/gm, "- --")),
  );
  const body = text.map((t) => t.replace(/^---/gm, "—"));
  fc.assert(
    fc.property(fc.array(yamlLine, { maxLength: 8 }), body, fc.constantFrom("\n", "\r\n"), fc.boolean(), (lines, b, eol, bom) => {
      const yaml = lines.map((l) => l.replace(/[\r\n]+/g, " ")).join(eol);
      const source = `${bom ? "\ufeff" : ""}---${eol}${yaml}${yaml ? eol : ""}---${eol}${b}`;
      const r = guarded("parseFrontMatter", source, () => parseFrontMatter(source, "news/fuzz.md"));
      if (r instanceof AkhbarError) {
        assert.ok(r.message.startsWith("news/fuzz.md"), r.message);
        return;
      }
      assert.is(r.body, b, "body kept as written");
      assert.type(r.data, "object");
    }),
    { numRuns: 800 },
  );
  // Without a fence the whole text is the body.
  fc.assert(
    fc.property(anyText, (s) => {
      const r = guarded("parseFrontMatter", s, () => parseFrontMatter(s, "news/fuzz.md"));
      if (r instanceof AkhbarError) return;
      if (!/^\ufeff?---[ \t]*\r?\n/.test(s)) assert.is(r.body, s.replace(/^\ufeff/, ""));
    }),
    { numRuns: 400 },
  );
});

test("slugs: bounded length on disk, never empty for text with letters, distinct names stay distinct", () => {
  fc.assert(
    fc.property(anyText, anyText, (a, b) => {
      const sa = slugify(a);
      assert.ok(Buffer.byteLength(sa) <= MAX_SLUG_BYTES, `${Buffer.byteLength(sa)} bytes`);
      if (/[\p{L}\p{N}]/u.test(a.replace(/[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g, ""))) assert.ok(sa !== "", JSON.stringify(a).slice(0, 60));
      if (slugify(b) === sa && sa !== "") assert.is(slugify(`${a} `), slugify(`${b} `));
    }),
    { numRuns: 400 },
  );
  const base = "م".repeat(5000);
  assert.is.not(slugify(`${base}أ`), slugify(`${base}ب`), "two long names differing at the end get different slugs");
});

test.run();
