import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { AkhbarError } from "../plugin/errors.js";
import { AVATAR_LINE, TICKER_HEADER, inferDayOffsets, parsePage, splitEditors } from "../plugin/importer/parse.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), "utf8");
const page = (name: string) => parsePage(fixture(name), { file: name });

test("standard page: title, editor, ticker with sources and times, paragraphs, dates", () => {
  const p = page("standard.txt");
  assert.is(p.title, '"مدير التربية": عودة الطلاب إلى المدارس بعد "أسبوع صعب" في ريف إدلب');
  assert.equal(p.editors, ["رامي الخطيب"]);
  assert.is(p.editorLabel, "Editing");
  assert.is(p.ticker.length, 5);
  assert.equal(p.ticker[0], {
    text: '"مجلس المحافظة" يعلن إغلاق الطريق الدولي لأعمال الصيانة',
    sources: ["مصادر محلية"],
    time: "09:15",
    dayOffset: 0,
  });
  assert.equal(p.ticker[1].sources, ["منسقو الاستجابة", "الدفاع المدني"]);
  assert.is(p.paragraphs.length, 4);
  assert.ok(p.paragraphs[0].startsWith("أعلن مدير التربية"));
  assert.is(p.paragraphs[3], "(مصادر محلية، مراسل الوكالة)");
  assert.equal(
    p.datesFound.map((d) => d.iso),
    ["2017-03-12", "2017-03-04"],
  );
  assert.is(p.latestDate, "2017-03-12");
});

test("midnight: items newest first; a later time than the newer item's means the previous day", () => {
  const p = page("standard.txt");
  assert.equal(
    p.ticker.map((i) => [i.time, i.dayOffset]),
    [["09:15", 0], ["08:40", 0], ["06:05", 0], ["23:50", -1], ["21:10", -1]],
  );
  // Equal times stay on the same day; a second crossing goes one more day back; untimed items
  // take the day of the item before them.
  const items = inferDayOffsets([
    { text: "a", sources: [], time: "01:00" },
    { text: "b", sources: [], time: "01:00" },
    { text: "c", sources: [], time: null },
    { text: "d", sources: [], time: "22:00" },
    { text: "e", sources: [], time: "03:00" },
    { text: "f", sources: [], time: "04:00" },
  ]);
  assert.equal(items.map((i) => i.dayOffset), [0, 0, 0, -1, -1, -2]);
});

test("no ticker items: header then blank line", () => {
  const p = page("no-ticker.txt");
  assert.equal(p.ticker, []);
  assert.is(p.title, "ارتفاع أسعار الخبز في مدينة الباب للمرة الثانية هذا الشهر");
  assert.is(p.paragraphs.length, 2);
});

test("no ticker items: header directly followed by the headline", () => {
  const p = parsePage(`${TICKER_HEADER}\nعنوان بلا شريط أخبار\n\n${AVATAR_LINE}\nEditing: سلمى الأحمد |\n\nفقرة أولى.`);
  assert.equal(p.ticker, []);
  assert.is(p.title, "عنوان بلا شريط أخبار");
  assert.equal(p.paragraphs, ["فقرة أولى."]);
});

test("a ticker line with a single item", () => {
  const p = page("one-item.txt");
  assert.equal(p.ticker, [
    { text: "عاصفة ثلجية تضرب مخيمات النازحين قرب الحدود التركية", sources: ["الدفاع المدني"], time: "14:20", dayOffset: 0 },
  ]);
  assert.is(p.latestDate, "2017-02-09");
});

test("times in Arabic-Indic digits become HH:MM with Latin digits; Hijri date in the body", () => {
  const p = page("arabic-digits.txt");
  assert.equal(p.ticker.map((i) => i.time), ["10:30", "07:05"]);
  assert.is(p.datesFound.length, 1);
  assert.is(p.datesFound[0].calendar, "hijri");
  assert.is(p.latestDate, "2017-05-11");
});

test("an item with no attribution has no sources", () => {
  const p = page("no-attribution.txt");
  assert.equal(p.ticker[0], { text: "هدوء حذر يسود جبهات ريف اللاذقية", sources: [], time: "16:45", dayOffset: 0 });
  assert.equal(p.ticker[1].sources, ["ناشطون"]);
});

test("missing editor line: no editors, label null, body intact", () => {
  const p = page("no-editor.txt");
  assert.equal(p.editors, []);
  assert.is(p.editorLabel, null);
  assert.equal(p.byline, [AVATAR_LINE]);
  assert.is(p.paragraphs.length, 2);
});

test("Arabic editor label تحرير: without a pipe", () => {
  const p = page("arabic-label.txt");
  assert.is(p.editorLabel, "تحرير");
  assert.equal(p.editors, ["ليلى عثمان"]);
  assert.is(p.latestDate, "2019-02-22");
});

test("several editors separated by ، and و", () => {
  const p = page("multi-editors.txt");
  assert.equal(p.editors, ["رامي الخطيب", "سلمى الأحمد", "كريم درويش"]);
  assert.is(p.latestDate, "2018-06-03");
  assert.equal(splitEditors("رامي الخطيب, نور الشامي"), ["رامي الخطيب", "نور الشامي"]);
  assert.equal(splitEditors("رامي و نور"), ["رامي", "نور"]);
  // One name that contains " و" stays whole.
  assert.equal(splitEditors("نور وسيم"), ["نور وسيم"]);
  assert.equal(splitEditors(""), []);
});

test("missing pictogram-avatar line: the editor line alone is the byline", () => {
  const p = page("no-avatar.txt");
  assert.equal(p.editors, ["نور الشامي"]);
  assert.equal(p.byline, ["Editing: نور الشامي |"]);
  assert.is(p.paragraphs.length, 2);
  assert.is(p.title, "تشغيل فرن آلي جديد ينتج عشرين ألف ربطة يومياً");
});

test("Windows line endings, UTF-8 BOM and trailing spaces", () => {
  const raw = fixture("windows.txt");
  assert.ok(raw.startsWith("\uFEFF") && raw.includes("\r\n"), "fixture keeps its BOM and CRLF");
  const p = parsePage(raw);
  assert.is(p.title, "إغلاق معبر باب الهوى أمام المسافرين يومين");
  assert.equal(p.editors, ["سلمى الأحمد"]);
  assert.equal(p.ticker.map((i) => i.time), ["13:45", "12:10"]);
  assert.is(p.paragraphs[1], "وقالت الإدارة إن حركة البضائع مستمرة بشكل طبيعي.");
  for (const para of p.paragraphs) assert.not.match(para, /[\r\uFEFF]|\s$/);
  // The same page with LF endings parses the same.
  const lf = parsePage(raw.slice(1).replace(/\r\n/g, "\n"));
  assert.equal({ ...lf, datesFound: [] }, { ...p, datesFound: [] });
});

test("old Mac line endings (CR only)", () => {
  const p = parsePage(`${TICKER_HEADER}\rخبر (ناشطون) - 10:00\r\rعنوان\r\rpictogram-avatar\rEditing: رامي |\r\rفقرة.`);
  assert.is(p.title, "عنوان");
  assert.equal(p.paragraphs, ["فقرة."]);
});

test("a headline with quotes is kept as written", () => {
  const p = page("escaping.txt");
  assert.is(p.title, `خبير تقني: رسائل *مزيفة* تستهدف [المستخدمين] في 'إدلب' و"حماة" | تحذير`);
});

test("a page without the header line is recognised by its byline", () => {
  const p = parsePage("عنوان الخبر\n\npictogram-avatar\nEditing: نور الشامي |\n\nفقرة.");
  assert.equal(p.ticker, []);
  assert.is(p.title, "عنوان الخبر");
  assert.equal(p.paragraphs, ["فقرة."]);
});

test("lead text between the headline and the byline is kept as the first paragraphs", () => {
  const p = parsePage(`${TICKER_HEADER}\n\nعنوان\nسطر ثان للعنوان\n\nمقدمة قصيرة\n\n${AVATAR_LINE}\nEditing: رامي |\n\nفقرة.`);
  assert.is(p.title, "عنوان");
  assert.equal(p.paragraphs, ["سطر ثان للعنوان", "مقدمة قصيرة", "فقرة."]);
});

test("a page with the header but no byline: headline then body", () => {
  const p = parsePage(`${TICKER_HEADER}\nخبر (ناشطون) - 10:00\n\nعنوان\n\nفقرة أولى.\n\nفقرة ثانية.`);
  assert.is(p.title, "عنوان");
  assert.equal(p.paragraphs, ["فقرة أولى.", "فقرة ثانية."]);
  assert.is(p.editorLabel, null);
});

const rejects = (text: string, reason: RegExp, file = "bad/x.txt") => {
  try {
    parsePage(text, { file });
  } catch (error) {
    assert.instance(error, AkhbarError);
    assert.match((error as Error).message, file);
    assert.match((error as Error).message, reason);
    return;
  }
  assert.unreachable(`should have thrown for ${JSON.stringify(text.slice(0, 40))}`);
};

test("files not in the shape throw AkhbarError naming the file and the reason", () => {
  rejects(fixture("bad/empty.txt"), /empty/, "bad/empty.txt");
  rejects("  \n\r\n\t\n", /empty/);
  rejects(fixture("bad/not-a-page.txt"), /not a saved page.*الأخبار العاجلة/, "bad/not-a-page.txt");
  rejects(fixture("bad/no-headline.txt"), /no headline/, "bad/no-headline.txt");
  rejects(fixture("bad/binary.txt"), /binary|UTF-8/, "bad/binary.txt");
  rejects(`${TICKER_HEADER}\n`, /no headline/);
  rejects(42 as unknown as string, /expected text/);
});

// ---------------------------------------------------------------------------------------------
// Property: parsePage throws nothing but AkhbarError, and never drops a non-empty line.

const words = ["خبر", "عاجل", "(ناشطون)", "- 10:30", "٠٩:١٥", "*", "<b>", "|", "#", "و", "Editing:", "تحرير:", "\u200f", '"'];
const line = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  fc.constant(TICKER_HEADER),
  fc.constant(AVATAR_LINE),
  fc.constant("Editing: رامي الخطيب |"),
  fc.constant("تحرير: نور وسلمى"),
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(" ")),
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
);
const pageText = fc
  .tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), fc.constantFrom("", " ", "\t"))
  .map(([lines, eol, bom, pad]) => (bom ? "\uFEFF" : "") + lines.map((l) => l + pad).join(eol));

test("property: only AkhbarError, and every non-empty line is kept", () => {
  fc.assert(
    fc.property(pageText, (text) => {
      let p;
      try {
        p = parsePage(text, { file: "prop.txt" });
      } catch (error) {
        if (!(error instanceof AkhbarError)) throw error;
        return;
      }
      const input = text
        .replace(/^\uFEFF/, "")
        .split(/\r\n|\r|\n|\u2028|\u2029/)
        .map((l) => l.trim())
        .filter((l) => l !== "");
      const output = [
        ...(input[0] === TICKER_HEADER ? [TICKER_HEADER] : []),
        ...p.tickerLines,
        p.title,
        ...p.byline,
        ...p.paragraphs.flatMap((para) => para.split("\n")),
      ];
      // Same lines, as a multiset (lead text before the byline is listed with the paragraphs).
      assert.equal([...output].sort(), [...input].sort());
    }),
    { numRuns: 3000 },
  );
});

test.run();
