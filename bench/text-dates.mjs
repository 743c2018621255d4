#!/usr/bin/env node
// Cost of markdownItArabicDates on markdown rendering (issue 6: must add under 10%).
//
//   npx tsc -p tsconfig.json && node bench/text-dates.mjs [--runs 5] [--seconds 2] [--article typical] [--dist dir] [--quantile 0.1]
//
// Three generated ~600-word Arabic news articles (Markdown: heading, paragraphs, bold, a link, a
// quote, a list), rendered by a plain markdown-it({ html: true }) and by one that also uses the
// plugin, with the same env:
//   - "typical": 3 dates, ~17 other numbers (years, percentages, counts), relative words that are
//     no dates ("العام الماضي", "الأشهر المقبلة", "الشهر الجاري"), a bare "شهر رمضان", and the
//     ordinary frequency of "من";
//   - "date-heavy": the same prose with 12 more dates of every kind (Levantine, Egyptian, Hijri,
//     ordinal, relative, year-less, Arabic-Indic digits);
//   - "no dates": the typical prose without its three dates (the cost of looking only).
//
// Method: every timed run is a process of its own (`--child`), with one markdown-it instance, as a
// site has (two instances in one process make markdown-it's shared functions polymorphic, and
// process.cpuUsage counts every thread of a process). A run renders the article 3,000 times to warm
// up, then for `--seconds` times batches of 25 renders by the clock (performance.now); its figure is
// the median batch (other processes and GC only ever add time to some batches, the median keeps
// them out), or with `--quantile q` the batch at that quantile (0.1: the tenth fastest in a
// hundred, for a machine busy enough that most batches share it with something else). For each article, `--runs` plain runs and `--runs` plugin runs alternate (plain first,
// then plugin first, ...); the overhead printed is the ratio of the medians of the runs' figures,
// with the lowest and highest ratio of paired runs (run i plain against run i with the plugin).
// `--dist` points at another compiled tree (to compare builds, e.g. `tsc --outDir`).
import markdownIt from "markdown-it";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (typeof fallback === "string") {
    if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
    return value;
  }
  const n = Number(value);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number`);
  return n;
}
const RUNS = Math.round(arg("runs", 5));
const SECONDS = arg("seconds", 2);
const ONLY = arg("article", "");
const DIST = resolve(arg("dist", new URL("../dist", import.meta.url).pathname));
const CHILD = arg("child", "");
const QUANTILE = arg("quantile", 0.5);
if (QUANTILE > 1) throw new Error("--quantile must be in (0, 1]");
const distUrl = (path) => pathToFileURL(resolve(DIST, path)).href;
const { markdownItArabicDates } = await import(distUrl("markdown/arabic-dates.js"));
const { findDates } = await import(distUrl("dates/text.js"));

// Ordinary news prose (written for this benchmark): numbers that are no dates, years on their own,
// relative words after nouns that are no months, and "من" as often as real text has it.
const PROSE = [
  "قال مسؤول في المجلس المحلي للمدينة إن فرق الصيانة بدأت إصلاح شبكة المياه في الأحياء الشرقية بعد انقطاع دام أكثر من 10 أيام.",
  "وأوضح المسؤول أن الأعمال تشمل تمديد 3 كيلومترات من الأنابيب الجديدة واستبدال 40 مضخة قديمة.",
  "وتعاني المدينة من نقص حاد في الخدمات الأساسية منذ عام 2012، بحسب ما أفاد به سكان من المنطقة.",
  "وكانت منظمات محلية قد حذرت في تقرير نشرته الأسبوع الماضي من تدهور الوضع الصحي في المخيمات القريبة من الحدود.",
  "ويقيم في هذه المخيمات نحو 120 ألف شخص، معظمهم من النساء والأطفال، وفق إحصاءات فريق منسقي الاستجابة.",
  "وأشار التقرير إلى أن أسعار المواد الغذائية ارتفعت بنسبة 35% خلال العام الماضي، في حين بقيت الأجور على حالها.",
  "من جهته، قال أحد سكان الحي إن العائلات تعتمد على المساعدات التي توزعها الجمعيات الخيرية مرة كل شهر.",
  "وأضاف أن سعر ربطة الخبز وصل إلى 500 ليرة، وهو ما يعادل أجر ساعتين من العمل لدى كثير من العمال.",
  "ولم يصدر أي تعليق من الجهات الرسمية على ما ورد في التقرير حتى ساعة إعداد هذا الخبر.",
  "وتسعى الإدارة المحلية إلى تأمين تمويل من المانحين لإعادة تأهيل 7 مدارس ومستوصفين في الريف الغربي.",
  "وتأتي هذه الخطوة ضمن خطة أوسع أعلنت عنها الإدارة مطلع العام الحالي، وتهدف إلى تحسين الخدمات في أكثر من 25 بلدة وقرية.",
  "ويخشى السكان من أن يؤدي تأخر الأمطار هذا الموسم إلى تراجع إنتاج القمح للمرة الثانية على التوالي.",
  "وقال مزارع من ريف المدينة إن تكلفة ري الدونم الواحد تضاعفت من جديد بسبب ارتفاع سعر المحروقات.",
  "كما ناشد الأهالي المنظمات الإنسانية زيادة عدد الصهاريج التي تنقل مياه الشرب إلى القرى البعيدة.",
  "وتشير تقديرات غير رسمية إلى أن نحو 60% من سكان المنطقة لا يحصلون على مياه نظيفة بشكل منتظم.",
  "وفي سياق متصل، افتتحت جمعية أهلية مركزاً لتدريب الشباب على المهن اليدوية، يستقبل 80 متدرباً في الدورة الأولى.",
  "وقال مدير المركز إن الدورة تستمر 6 أسابيع، ويحصل المتدربون في نهايتها على شهادات معتمدة من الجمعية.",
  "ويأمل القائمون على المشروع في توسيعه خلال الأشهر المقبلة ليشمل النساء أيضاً.",
  "وأكد ناشطون أن القصف المدفعي استهدف أطراف البلدة مساء أمس، دون أن يسفر عن إصابات بين المدنيين.",
  "وتعد هذه الحادثة الثالثة من نوعها منذ بداية الشهر الجاري، بحسب ما وثقه مراسلون محليون.",
  "ويرى مراقبون أن الأزمة الاقتصادية ستبقى العامل الأبرز في حياة السكان ما لم تتغير الظروف السياسية.",
  "وتحدث عدد من الطلاب عن صعوبة الوصول إلى الجامعة بسبب قلة وسائل النقل وارتفاع أجورها.",
  "وتعمل فرق الدفاع المدني على فتح الطرق التي أغلقتها الثلوج في المناطق الجبلية.",
  "في المقابل، قالت مصادر مقربة من المجلس إن الميزانية المخصصة للمشروع لا تكفي لتغطية جميع الاحتياجات.",
  "وتزداد الحاجة إلى المساعدات عادة قبيل حلول شهر رمضان، ويطالب الأهالي بإشراك المجتمع المحلي في القرارات.",
];

/** The three dates of the typical article, each in a sentence of its own. */
const TYPICAL_DATES = [
  "وكان المجلس قد أعلن عن المشروع يوم 2 آذار 2017، لكن تنفيذه تأخر بسبب نقص التمويل.",
  "ومن المقرر أن تنتهي المرحلة الأولى من الأعمال في الخامس عشر من أيار المقبل.",
  "ويعود آخر إحصاء رسمي لسكان المدينة إلى تشرين الأول 2016.",
];

/** The extra dates of the date-heavy article, spliced into prose sentences. */
const MORE_DATES = [
  "الجمعة 22 شباط 2019",
  "في 3 مارس 2018",
  "في 15 شعبان 1438 هـ",
  "قبل حلول شهر محرم 1440 هـ",
  "في السادس من شباط الجاري",
  "مطلع أيار الجاري",
  "منذ أيار 2017",
  "حتى آذار المقبل",
  "في 28 كانون الأول",
  "يوم ١٢ نيسان ٢٠١٨",
  "في الحادي والعشرين من آذار 2018",
  "يوم الاثنين الموافق 4 تموز 2016",
];

const words = (text) => text.split(/\s+/).filter(Boolean).length;

/** ~600 words: prose sentences in a fixed order, `dates` sentences spread evenly, Markdown around. */
function article(dateSentences, splices) {
  const sentences = [];
  let count = 0;
  let i = 0;
  while (count < 560) {
    let s = PROSE[(i * 7) % PROSE.length]; // 7 is coprime to 25: every sentence before repeats
    if (splices.length && i % 2 === 1) {
      const parts = s.split(" ");
      parts.splice(parts.length >> 1, 0, splices[(i / 2) | 0] ?? "");
      s = parts.filter(Boolean).join(" ");
    }
    sentences.push(s);
    count += words(s);
    i++;
  }
  dateSentences.forEach((d, k) => sentences.splice(Math.floor(((k + 0.5) * sentences.length) / dateSentences.length), 0, d));
  const paragraphs = [];
  for (let k = 0; k < sentences.length; k += 4) paragraphs.push(sentences.slice(k, k + 4).join(" "));
  paragraphs[1] = paragraphs[1].replace("التقرير", "[التقرير](https://example.org/report)");
  paragraphs[2] = "> " + paragraphs[2];
  paragraphs[3] = paragraphs[3].replace("المدينة", "**المدينة**");
  return [
    "## فرق الصيانة تبدأ إصلاح شبكة المياه في الأحياء الشرقية",
    ...paragraphs.slice(0, 5),
    "- تمديد الأنابيب الجديدة\n- استبدال المضخات القديمة\n- إصلاح الخزانات",
    ...paragraphs.slice(5),
  ].join("\n\n");
}

const ARTICLES = {
  "no dates": article([], []),
  typical: article(TYPICAL_DATES, []),
  "date-heavy": article(TYPICAL_DATES, MORE_DATES),
};

const ENV = { akhbarDate: "2019-02-10", akhbarFile: "bench/article.md" };
const WARM_UP = 3000;
const BATCH = 25;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One timed run (in a child process): median µs per render (or per findDates call) over batches. */
function timedRun(mode, src) {
  let work;
  if (mode === "findDates") {
    const text = src.replace(/[#`*\[\]()>-]/g, " ");
    work = () => findDates(text, { refDate: ENV.akhbarDate });
  } else {
    const md = markdownIt({ html: true });
    if (mode === "plugin") md.use(markdownItArabicDates, { onWarning: () => {} });
    work = () => md.render(src, { ...ENV });
  }
  for (let i = 0; i < WARM_UP; i++) work();
  const batches = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    for (let i = 0; i < BATCH; i++) work();
    batches.push(((performance.now() - t0) * 1000) / BATCH);
  }
  if (QUANTILE === 0.5) return median(batches);
  const sorted = [...batches].sort((a, b) => a - b);
  return sorted[Math.floor(QUANTILE * (sorted.length - 1))];
}

if (CHILD) {
  const [mode, name] = CHILD.split(":");
  console.log(JSON.stringify(timedRun(mode, ARTICLES[name])));
} else {
  const here = fileURLToPath(import.meta.url);
  const run = (mode, name) =>
    JSON.parse(execFileSync(process.execPath, [here, "--child", `${mode}:${name}`, "--seconds", String(SECONDS), "--dist", DIST, "--quantile", String(QUANTILE)], { encoding: "utf8" }));
  const withDates = markdownIt({ html: true }).use(markdownItArabicDates, { onWarning: () => {} });
  const figure = QUANTILE === 0.5 ? "the median batch" : `the batch at quantile ${QUANTILE}`;
  console.log(`${RUNS} runs of ${SECONDS} s per side and article, one process per run (its figure: ${figure}), compiled code from ${DIST}`);
  for (const [name, src] of Object.entries(ARTICLES)) {
    if (ONLY && name !== ONLY) continue;
    const html = withDates.render(src, { ...ENV });
    const marked = (html.match(/<time /g) ?? []).length;
    const numbers = (src.match(/[0-9\u0660-\u0669]+/g) ?? []).length;
    const plain = [];
    const plugged = [];
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 0) {
        plain.push(run("plain", name));
        plugged.push(run("plugin", name));
      } else {
        plugged.push(run("plugin", name));
        plain.push(run("plain", name));
      }
    }
    const ratios = plain.map((p, r) => plugged[r] / p - 1).sort((a, b) => a - b);
    const pct = (x) => `${(x * 100).toFixed(1)}%`;
    console.log(`\n${name}: ${words(src)} words, ${src.length} characters, ${numbers} digit runs, ${marked} dates marked`);
    console.log(`  markdown-it alone:  ${median(plain).toFixed(1)} µs/render (median of runs; runs ${Math.min(...plain).toFixed(1)}-${Math.max(...plain).toFixed(1)})`);
    console.log(`  with the plugin:    ${median(plugged).toFixed(1)} µs/render (median of runs; runs ${Math.min(...plugged).toFixed(1)}-${Math.max(...plugged).toFixed(1)})`);
    console.log(`  plugin overhead:    ${pct(median(plugged) / median(plain) - 1)} (paired runs ${pct(ratios[0])} to ${pct(ratios[ratios.length - 1])})`);
    console.log(`  findDates on text:  ${run("findDates", name).toFixed(1)} µs/article (the importer's way: the whole text, no markdown)`);
  }
}
