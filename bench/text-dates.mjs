#!/usr/bin/env node
// Cost of markdownItArabicDates on markdown rendering (issue 6: must add under 10%).
//
//   npx tsc -p tsconfig.json && node bench/text-dates.mjs [--rounds 61] [--renders 100] [--dist dir]
//
// Two generated ~600-word Arabic news articles (Markdown: heading, paragraphs, bold, a link, a
// quote, a list), rendered by a plain markdown-it({ html: true }) and by one that also uses the
// plugin, with the same env:
//   - "typical": 3 dates, ~17 other numbers (years, percentages, counts), relative words that are
//     no dates ("العام الماضي", "الأشهر المقبلة", "الشهر الجاري"), a bare "شهر رمضان", and the
//     ordinary frequency of "من";
//   - "date-heavy": the same prose with 12 more dates of every kind (Levantine, Egyptian, Hijri,
//     ordinal, relative, year-less, Arabic-Indic digits);
//   - "no dates": the typical prose without its three dates (the cost of looking only).
// Time is CPU time (process.cpuUsage, user + system), not wall time: the machine is shared. The
// plain and the plugin markdown-it each run in a worker thread of their own, one at a time: in one
// thread, alternating two instances makes markdown-it's shared functions polymorphic (the plugin
// replaces the `text` rule) and slows whichever runs next, which a site with one instance never
// sees. Each round times `--renders` renders in one worker, then in the other (order alternates);
// the overhead reported is the median of the rounds' ratios, with the 10th and 90th percentiles, and
// the ratio of each side's 10th-percentile round (on a busy machine, the least disturbed rounds).
// `--dist` points at another compiled tree (to compare builds, e.g. `tsc --outDir`).
import markdownIt from "markdown-it";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (typeof fallback === "string") return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}
const ROUNDS = arg("rounds", 61);
const RENDERS = arg("renders", 100);
const DIST = arg("dist", new URL("../dist", import.meta.url).pathname);
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
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
const sorted = (xs) => [...xs].sort((a, b) => a - b);

if (!isMainThread) {
  // Worker: one markdown-it instance (plain or with the plugin), renders on request.
  const { withPlugin, src } = workerData;
  const md = markdownIt({ html: true });
  if (withPlugin) md.use(markdownItArabicDates, { onWarning: () => {} });
  parentPort.on("message", (renders) => {
    const start = process.cpuUsage();
    for (let i = 0; i < renders; i++) md.render(src, { ...ENV });
    const used = process.cpuUsage(start);
    parentPort.postMessage((used.user + used.system) / 1000);
  });
} else {
  const withDates = markdownIt({ html: true }).use(markdownItArabicDates, { onWarning: () => {} });
  const ask = (worker, renders) => new Promise((done) => { worker.once("message", done); worker.postMessage(renders); });

  async function measure(src) {
    const here = fileURLToPath(import.meta.url);
    const argv = process.argv.slice(2);
    const plain = new Worker(here, { workerData: { withPlugin: false, src }, argv });
    const plugged = new Worker(here, { workerData: { withPlugin: true, src }, argv });
    for (let i = 0; i < 10; i++) {
      await ask(plain, RENDERS); // warm-up: JIT both before measuring
      await ask(plugged, RENDERS);
    }
    const ratios = [];
    const bases = [];
    const withs = [];
    for (let round = 0; round < ROUNDS; round++) {
      let base, withPlugin;
      if (round % 2 === 0) {
        base = await ask(plain, RENDERS);
        withPlugin = await ask(plugged, RENDERS);
      } else {
        withPlugin = await ask(plugged, RENDERS);
        base = await ask(plain, RENDERS);
      }
      ratios.push(withPlugin / base - 1);
      bases.push(base);
      withs.push(withPlugin);
    }
    await plain.terminate();
    await plugged.terminate();
    const text = src.replace(/[#`*\[\]()>-]/g, " ");
    const finds = [];
    for (let i = 0; i < RENDERS * 10; i++) findDates(text, { refDate: ENV.akhbarDate });
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.cpuUsage();
      for (let i = 0; i < RENDERS; i++) findDates(text, { refDate: ENV.akhbarDate });
      const used = process.cpuUsage(start);
      finds.push((used.user + used.system) / 1000);
    }
    return { ratios: sorted(ratios), bases: sorted(bases), plugged: sorted(withs), finds: sorted(finds) };
  }

  const perRender = (ms) => ((ms / RENDERS) * 1000).toFixed(1);
  console.log(`${ROUNDS} rounds x ${RENDERS} renders per side, CPU time, compiled code from ${DIST}`);
  for (const [name, src] of Object.entries(ARTICLES)) {
    const html = withDates.render(src, { ...ENV });
    const marked = (html.match(/<time /g) ?? []).length;
    const numbers = (src.match(/[0-9\u0660-\u0669]+/g) ?? []).length;
    const r = await measure(src);
    const median = quantile(r.ratios, 0.5);
    console.log(`\n${name}: ${words(src)} words, ${src.length} characters, ${numbers} digit runs, ${marked} dates marked`);
    console.log(`  markdown-it alone:  ${perRender(quantile(r.bases, 0.5))} µs/render (median)`);
    console.log(`  with the plugin:    ${perRender(quantile(r.plugged, 0.5))} µs/render (median)`);
    console.log(`  findDates on text:  ${perRender(quantile(r.finds, 0.5))} µs/article (median)`);
    console.log(
      `  plugin overhead:    ${(median * 100).toFixed(1)}% (median of rounds; p10 ${(quantile(r.ratios, 0.1) * 100).toFixed(1)}%, ` +
        `p90 ${(quantile(r.ratios, 0.9) * 100).toFixed(1)}%)`,
    );
    // Other processes only ever add time: the fastest rounds of each side are the least disturbed.
    const fast = quantile(r.plugged, 0.1) / quantile(r.bases, 0.1) - 1;
    console.log(`  fastest rounds:     ${(fast * 100).toFixed(1)}% (10th percentile with the plugin / 10th percentile alone)`);
  }
}
