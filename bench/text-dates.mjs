#!/usr/bin/env node
// Cost of markdownItArabicDates on markdown rendering (issue 6: must stay under 10%).
//
//   npx tsc -p tsconfig.json && node bench/text-dates.mjs [--renders 2000] [--rounds 7]
//
// Renders one generated 600-word Arabic article (eight paragraphs, a heading, a list, a link,
// inline code, numbers that are not dates, and nine dates of all kinds: Levantine, Egyptian,
// Hijri, ordinal, relative, month-only) with a plain markdown-it and with one that uses the
// plugin. Rounds alternate between the two so drift (JIT, GC, CPU frequency) hits both; the
// median round is reported. Also times findDates alone on the article's text.
import markdownIt from "markdown-it";
import { markdownItArabicDates } from "../dist/markdown/arabic-dates.js";
import { findDates } from "../dist/dates/text.js";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const RENDERS = arg("renders", 2000);
const ROUNDS = arg("rounds", 7);

// Deterministic filler: words of ordinary news prose (no month names), numbers with units.
const WORDS = (
  "قال مصدر محلي إن قوات المعارضة سيطرت على عدة مواقع في ريف المحافظة الشمالي بعد اشتباكات " +
  "عنيفة استمرت ساعات مع عناصر التنظيم وأضاف المصدر أن المدنيين نزحوا باتجاه المخيمات القريبة " +
  "من الحدود وسط ظروف إنسانية صعبة ونقص في المواد الغذائية والأدوية بينما تواصل فرق الدفاع " +
  "المدني انتشال الضحايا من تحت الأنقاض وتحذر المنظمات الدولية من تفاقم الأوضاع في المنطقة"
).split(" ");
const NUMBERS = ["25 مدرسة", "48 ساعة", "450 ليرة", "3 كم", "12 شخصاً", "700 عائلة"];
const DATES = [
  "يوم 2 آذار 2017",
  "الجمعة 22 شباط 2019",
  "في 3 مارس 2018",
  "في 15 شعبان 1438 هـ",
  "قبل حلول شهر محرم 1440 هـ",
  "في السادس من شباط الجاري",
  "مطلع أيار الجاري",
  "منذ أيار 2017",
  "حتى آذار المقبل",
];

function article() {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
  const paragraphs = [];
  let words = 0;
  let date = 0;
  while (words < 600) {
    const sentence = [];
    const length = 60 + (next() % 20);
    for (let i = 0; i < length; i++) {
      if (i % 23 === 11) sentence.push(NUMBERS[next() % NUMBERS.length]);
      else sentence.push(WORDS[next() % WORDS.length]);
    }
    if (date < DATES.length) sentence.splice(length >> 1, 0, DATES[date++]);
    words += sentence.length;
    paragraphs.push(sentence.join(" ") + ".");
  }
  paragraphs[1] += " انظر [تقرير المنظمة](https://example.org/report) و`code 2017`.";
  return ["## " + WORDS.slice(0, 8).join(" "), ...paragraphs, "- " + WORDS.slice(8, 20).join(" "), "- " + WORDS.slice(20, 30).join(" ")].join(
    "\n\n",
  );
}

const src = article();
const env = { akhbarDate: "2019-02-10", akhbarFile: "bench/article.md" };
const plain = markdownIt({ html: true });
const withDates = markdownIt({ html: true }).use(markdownItArabicDates, { onWarning: () => {} });

const wordCount = src.split(/\s+/).filter(Boolean).length;
const marked = (withDates.render(src, { ...env }).match(/<time/g) ?? []).length;

function time(md) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < RENDERS; i++) md.render(src, { ...env });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Warm-up: JIT both paths before measuring.
time(plain);
time(withDates);

const ratios = [];
const basesMs = [];
for (let round = 0; round < ROUNDS; round++) {
  let base, b;
  if (round % 2 === 0) {
    base = time(plain);
    b = time(withDates);
  } else {
    b = time(withDates);
    base = time(plain);
  }
  ratios.push(b / base - 1);
  basesMs.push(base);
}
ratios.sort((x, y) => x - y);
basesMs.sort((x, y) => x - y);
const median = ratios[ROUNDS >> 1];

const text = src.replace(/[#`*\[\]()-]/g, " ");
const start = process.hrtime.bigint();
for (let i = 0; i < RENDERS; i++) findDates(text, { refDate: env.akhbarDate });
const findUs = Number(process.hrtime.bigint() - start) / 1e3 / RENDERS;

console.log(`article: ${wordCount} words, ${src.length} characters, ${marked} dates marked`);
console.log(`markdown-it render without plugin: ${((basesMs[ROUNDS >> 1] / RENDERS) * 1000).toFixed(1)} µs/article`);
console.log(`findDates on the whole text: ${findUs.toFixed(1)} µs/article`);
console.log(
  `plugin overhead: ${(median * 100).toFixed(1)}% (median of ${ROUNDS} rounds x ${RENDERS} renders; ` +
    `range ${(ratios[0] * 100).toFixed(1)}% .. ${(ratios[ROUNDS - 1] * 100).toFixed(1)}%)`,
);
