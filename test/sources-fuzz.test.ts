// Property tests: the parsers never throw and never drop text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { createSourceRegistry, parseAttribution, splitAttributedText, splitTickerLine } from "../plugin/sources/index.js";
import type { AttributedText } from "../plugin/sources/index.js";

const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")));

/** Characters that matter to the parsers, so that random strings hit the interesting paths. */
const tricky = fc.constantFrom(
  "(", ")", "-", "–", ":", " ", "  ", "\n", "+", "،", ",", " و", "و", "1", "2", "0", "5", "9",
  "١", "٠", "٤", "۵", "\u200F", "\u202E", '"', "ناشطون", "إعلام النظام", "بيان", "نص", "x", "12:33", "- 10:01",
  "(ناشطون)", ")(", "٢٣:٥٩",
);
const trickyString = fc.oneof(
  fc.string({ unit: tricky, maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
);

const nonSpace = (s: string) => s.replace(/\s+/g, "");
const account = (items: AttributedText[]) =>
  items.map((i) => i.text + (i.raw.attribution ?? "") + (i.raw.time ?? "")).join("");

test("splitAttributedText keeps every non-space character (text + attribution + time)", () => {
  fc.assert(
    fc.property(trickyString, fc.boolean(), (s, withRegistry) => {
      const r = splitAttributedText(s, withRegistry ? registry : undefined);
      assert.is(nonSpace(account([r])), nonSpace(s));
      if (r.time !== null) assert.match(r.time, /^([01]\d|2[0-3]):[0-5]\d$/);
      for (const name of r.sources) assert.ok(nonSpace(r.raw.attribution ?? "").includes(nonSpace(name).replace(/^و/, "")));
    }),
    { numRuns: 3000 },
  );
});

test("splitTickerLine keeps every non-space character, in order", () => {
  fc.assert(
    fc.property(trickyString, fc.boolean(), (s, withRegistry) => {
      const items = splitTickerLine(s, withRegistry ? registry : undefined);
      assert.is(nonSpace(account(items)), nonSpace(s));
      for (const item of items) assert.ok(item.text !== "" || item.raw.attribution !== null || item.raw.time !== null);
    }),
    { numRuns: 3000 },
  );
});

test("a line made of generated items splits back into the same items", () => {
  const word = fc.constantFrom("قصف", "على", "بلدة", "حلب", "نازح", "750", "Reuters", '"قسد"', "(20 كم)", "حلب - دمشق");
  const item = fc.record({
    // Ends with a plain word: a text ending in "(…)" with no attribution is read as attributed.
    text: fc
      .tuple(fc.array(word, { maxLength: 6 }), fc.constantFrom("اليوم", "حماة", "2020"))
      .map(([w, last]) => [...w, last].join(" ")),
    sources: fc.uniqueArray(fc.constantFrom("ناشطون", "إعلام النظام", "بيان", "مصادر محلية"), { maxLength: 3 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    arabicDigits: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
      const line = items
        .map((i) => {
          let time = `${i.hour}:${String(i.minute).padStart(2, "0")}`;
          if (i.arabicDigits) time = time.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]);
          const attribution = i.sources.length ? ` (${i.sources.join(" + ")})` : "";
          return `${i.text}${attribution} - ${time}`;
        })
        .join(" ");
      const parsed = splitTickerLine(line, registry);
      assert.equal(
        parsed.map((p) => [p.text, p.sources, p.time]),
        items.map((i) => [i.text, i.sources, `${String(i.hour).padStart(2, "0")}:${String(i.minute).padStart(2, "0")}`]),
      );
    }),
    { numRuns: 1000 },
  );
});

test("parseAttribution never throws and returns trimmed non-empty names", () => {
  fc.assert(
    fc.property(trickyString, (s) => {
      for (const name of parseAttribution(s, registry)) {
        assert.ok(name.length > 0 && name === name.trim());
      }
    }),
    { numRuns: 2000 },
  );
});

test.run();
