// normalizeArabic: the rules one by one, and the browser copy in search.js against the TS one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { normalizeArabic, stripArticle } from "../plugin/search/normalize.js";

/** The normalizeArabic copy in search.js, evaluated on its own. */
function browserCopy(): (text: string) => string {
  const js = readFileSync("_includes/akhbar/js/search.js", "utf8");
  const start = js.indexOf("// --- normalizeArabic");
  const end = js.indexOf("// ------", start + 10);
  assert.ok(start > 0 && end > start, "normalizeArabic block markers in search.js");
  return new Function(`${js.slice(start, end)}\nreturn normalizeArabic;`)() as (text: string) => string;
}
const copy = browserCopy();

test("definite article: with and without ال meet", () => {
  assert.is(normalizeArabic("الزيتون"), normalizeArabic("زيتون"));
  assert.is(normalizeArabic("الزيتون"), "زيتون");
  assert.is(normalizeArabic("والزيتون"), "زيتون");
  assert.is(normalizeArabic("بالبطاقة"), "بطاقه");
  assert.is(normalizeArabic("للأطفال"), "اطفال");
  assert.is(normalizeArabic("كالعادة"), "عاده");
  assert.is(normalizeArabic("الحق"), "حق");
});

test("definite article: short words keep their letters", () => {
  for (const word of ["الى", "والد", "بالغ", "لله", "والي", "فالح"]) assert.is(stripArticle(word), word, word);
});

test("harakat, tatweel and Quranic marks are dropped", () => {
  assert.is(normalizeArabic("الْبِطَاقَةُ"), normalizeArabic("البطاقة"));
  assert.is(normalizeArabic("كـــتب"), "كتب");
  assert.is(normalizeArabic("شَدَّة"), "شده");
  assert.is(normalizeArabic("هٰذا"), "هذا");
});

test("alef/hamza variants, taa marbuta, alef maqsura, Persian letters", () => {
  assert.is(normalizeArabic("أسعار"), "اسعار");
  assert.is(normalizeArabic("إعلام"), "اعلام");
  assert.is(normalizeArabic("آذار"), "اذار");
  assert.is(normalizeArabic("ٱلله"), normalizeArabic("الله"));
  assert.is(normalizeArabic("مدرسة"), normalizeArabic("مدرسه"));
  assert.is(normalizeArabic("مستشفى"), normalizeArabic("مستشفي"));
  assert.is(normalizeArabic("ی"), "ي");
  assert.is(normalizeArabic("ک"), "ك");
  // Hamza on waw/yaa is a different letter: left alone.
  assert.is(normalizeArabic("مسؤول"), "مسؤول");
});

test("Arabic-Indic and Persian digits become Latin; Latin is lower-cased", () => {
  assert.is(normalizeArabic("١٤٤١"), "1441");
  assert.is(normalizeArabic("۱۲۳۴۵۶۷۸۹۰"), "1234567890");
  assert.is(normalizeArabic("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  assert.is(normalizeArabic("UNHCR"), "unhcr");
});

test("whitespace and punctuation are kept, words never vanish", () => {
  assert.is(normalizeArabic('اعتماد "البطاقة الذكية"،\nفي  السويداء'), 'اعتماد "بطاقه ذكيه"،\nفي  سويداء');
  assert.is(normalizeArabic("ـ"), "ـ");
  assert.is(normalizeArabic("َ"), "َ");
  assert.is(normalizeArabic('لـ"الحكومة'), 'ل"حكومه');
  assert.is(normalizeArabic(""), "");
  assert.is(normalizeArabic(undefined as unknown as string), "");
  const text = "بدأت الأفران في محافظة السويداء بيع الخبز عبر البطاقة";
  assert.is(normalizeArabic(text).split(/\s+/).length, text.split(/\s+/).length);
});

const SAMPLES = [
  "أطلقت مديرية صحة درعا حملة تلقيح ضد شلل الأطفال تستهدف ٦٠ ألف طفل",
  "وقالت المصادر إنّ الأهالي يَقِفون ساعاتٍ أمام الأفران",
  "انخفاض منسوب نهر الفرات يهدد مشاريع الري",
  "ﻻ تزال Reuters: 12 شاحنة — (مصادر محلية) إلى معبر باب الهوى؟",
  "المستشفى، والمدرسة، بالأمس، كالعادة، للأطفال، فالأسعار",
];

test("browser copy equals the TS function on sample sentences", () => {
  for (const s of SAMPLES) assert.is(copy(s), normalizeArabic(s), s);
});

test("browser copy equals the TS function on random Arabic-heavy strings", () => {
  const alphabet = [..."ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىؤئٱیکـ ًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲0123 aBc.,،؛\"()\n\t-"];
  const chars = fc.constantFrom(...alphabet);
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join("")), (s) => copy(s) === normalizeArabic(s)),
    { numRuns: 3000, seed: 5 },
  );
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => copy(s) === normalizeArabic(s)), {
    numRuns: 2000,
    seed: 7,
  });
});

test("every whitespace-separated token maps to one token", () => {
  const chars = fc.constantFrom(..."الأةىـَ ٤x\n");
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join("")), (s) => {
      const before = s.split(/(\s+)/);
      const after = normalizeArabic(s).split(/(\s+)/);
      return before.length === after.length && after.every((t, i) => (/^\s*$/.test(before[i]) ? t === before[i] : t !== ""));
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test.run();
