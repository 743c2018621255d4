import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { AkhbarError } from "../plugin/errors.js";
import { parsePage } from "../plugin/importer/parse.js";
import { datePage, parseDatesCsv } from "../plugin/importer/dating.js";
import { breakingItemsOf, mergeBreaking, parseBreakingJson, serializeBreaking } from "../plugin/importer/breaking.js";
import { compileTagRules, tagsFor } from "../plugin/importer/tags.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), "utf8");
const TZ = "Asia/Damascus";

test("dating order: CSV, then the latest day named in the text, then mtime", () => {
  const page = parsePage(fixture("standard.txt")); // names 12 and 4 آذار 2017
  const mtime = new Date("2020-06-01T10:00:00Z");
  const base = { page, relativePath: "2017/standard.txt", baseName: "standard.txt", mtime, timeZone: TZ };
  assert.equal(datePage({ ...base, dates: new Map([["standard.txt", "2017-03-13"]]) }), { date: "2017-03-13", dateSource: "csv" });
  // The relative path wins over the base name.
  assert.equal(
    datePage({ ...base, dates: new Map([["standard.txt", "2017-03-13"], ["2017/standard.txt", "2017-03-14T08:00:00+02:00"]]) }),
    { date: "2017-03-14T08:00:00+02:00", dateSource: "csv" },
  );
  assert.equal(datePage({ ...base, dates: new Map([["other.txt", "2017-03-13"]]) }), { date: "2017-03-12", dateSource: "text" });
  const undated = parsePage(fixture("no-ticker.txt"));
  assert.equal(datePage({ ...base, page: undated }), { date: "2020-06-01", dateSource: "mtime" });
});

test("mtime is read as a calendar day in the site's zone", () => {
  const page = parsePage(fixture("no-ticker.txt"));
  // 22:30 UTC is 01:30 the next day in Damascus (UTC+3 in summer 2020).
  const mtime = new Date("2020-06-01T22:30:00Z");
  const base = { page, relativePath: "x.txt", baseName: "x.txt", mtime };
  assert.equal(datePage({ ...base, timeZone: TZ }), { date: "2020-06-02", dateSource: "mtime" });
  assert.equal(datePage({ ...base, timeZone: "UTC" }), { date: "2020-06-01", dateSource: "mtime" });
});

test("days named in the text after the file's save time + 1 day are future references, not the date", () => {
  const page = parsePage(
    "الأخبار العاجلة\n\nعنوان\n\npictogram-avatar\nEditing: رامي |\n\n" +
      "أعلنت اللجنة يوم 10 أيار 2017 أن الانتخابات ستجري في 20 حزيران 2017.",
  );
  const base = { page, relativePath: "x.txt", baseName: "x.txt", timeZone: TZ };
  assert.equal(datePage({ ...base, mtime: new Date("2017-05-11T09:00:00Z") }), { date: "2017-05-10", dateSource: "text" });
  // Saved after both days: the latest one dates the page.
  assert.equal(datePage({ ...base, mtime: new Date("2017-07-01T09:00:00Z") }), { date: "2017-06-20", dateSource: "text" });
  // The day after the save day still counts (zone slack).
  assert.equal(datePage({ ...base, mtime: new Date("2017-06-19T09:00:00Z") }), { date: "2017-06-20", dateSource: "text" });
});

test("a date whose weekday contradicts it does not date the page", () => {
  // 12 آذار 2017 was a Sunday, not a Friday.
  const page = parsePage("الأخبار العاجلة\n\nعنوان\n\npictogram-avatar\n\nحدث ذلك يوم الجمعة 12 آذار 2017، بعد 4 آذار 2017.");
  assert.is(page.datesFound.length, 2);
  assert.is(page.latestDate, "2017-03-04");
});

test("dates CSV: header, comments, quotes, BOM/CRLF; bad lines name the file and line", () => {
  const table = parseDatesCsv('\uFEFFfile,date\r\n# comment\r\npage-1.txt,2017-03-02\r\n"a, b.txt",2019-02-22T10:30:00+02:00\r\n\r\n', "d.csv");
  assert.equal([...table], [["page-1.txt", "2017-03-02"], ["a, b.txt", "2019-02-22T10:30:00+02:00"]]);
  const bad = (text: string, re: RegExp) => {
    try {
      parseDatesCsv(text, "d.csv");
      assert.unreachable("should throw");
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, re);
    }
  };
  bad("page.txt,2017-02-30\n", /d\.csv:1.*not a date.*2017-02-30/);
  bad("page.txt\n", /d\.csv:1.*file,date/);
  bad("a.txt,2017-01-01\na.txt,2017-01-02\n", /d\.csv:2.*dated twice/);
  bad("a.txt,02/03/2017\n", /not a date/);
});

test("ticker items become breaking items: page day + HH:MM + dayOffset in the zone, with offset", () => {
  const page = parsePage(fixture("standard.txt"));
  const items = breakingItemsOf(page.ticker, "2017-03-12", "standard.txt", TZ);
  assert.equal(
    items.map((i) => i.time),
    [
      "2017-03-12T09:15:00+02:00",
      "2017-03-12T08:40:00+02:00",
      "2017-03-12T06:05:00+02:00",
      "2017-03-11T23:50:00+02:00",
      "2017-03-11T21:10:00+02:00",
    ],
  );
  assert.equal(items[1], {
    text: "وصول قافلة مساعدات إلى ريف حماة الشمالي",
    sources: ["منسقو الاستجابة", "الدفاع المدني"],
    time: "2017-03-12T08:40:00+02:00",
    seenOn: ["standard.txt"],
  });
  // Summer time (UTC+3) and a date-time page date (its day in the zone counts).
  const summer = breakingItemsOf(page.ticker.slice(0, 1), "2017-06-30T23:30:00Z", "s.txt", TZ);
  assert.is(summer[0].time, "2017-07-01T09:15:00+03:00");
  // An item with no time keeps its day only.
  const untimed = breakingItemsOf([{ text: "خبر", sources: [], time: null, dayOffset: -1 }], "2017-03-12", "u.txt", TZ);
  assert.is(untimed[0].time, "2017-03-11");
});

test("merge: an item seen on many pages is stored once; order and bytes are stable", () => {
  const a = { text: "خبر  عاجل", sources: ["ناشطون"], time: "2017-03-12T09:15:00+02:00", seenOn: ["b.txt"] };
  const b = { text: "خبر عاجل", sources: ["ناشطون"], time: "2017-03-12T09:15:00+02:00", seenOn: ["a.txt"] };
  const c = { text: "خبر أقدم", sources: [], time: "2017-03-11T23:00:00+02:00", seenOn: ["a.txt"] };
  const merged = mergeBreaking([], [c, a, b], new Set(["a.txt", "b.txt"]));
  assert.is(merged.length, 2);
  assert.equal(merged[0].seenOn, ["a.txt", "b.txt"]);
  assert.is(merged[1].text, "خبر أقدم");
  const bytes = serializeBreaking(merged);
  assert.is(serializeBreaking(mergeBreaking([], [b, a, c], new Set(["a.txt", "b.txt"]))), bytes);
  // Re-merging the same pages into the result changes nothing.
  assert.is(serializeBreaking(mergeBreaking(parseBreakingJson(bytes, "x.json"), [a, b, c], new Set(["a.txt", "b.txt"]))), bytes);
});

test("merge: hand-written items are kept; a re-dated page's items move instead of duplicating", () => {
  const manual = { text: "خبر يدوي", sources: ["مراسل الوكالة"], time: "2017-03-10T10:00:00+02:00", url: "/x/" };
  const old = { text: "خبر", sources: [], time: "2017-03-12T09:00:00+02:00", seenOn: ["p.txt"] };
  const shared = { text: "مشترك", sources: [], time: "2017-03-12T08:00:00+02:00", seenOn: ["p.txt", "q.txt"] };
  const redated = { text: "خبر", sources: [], time: "2017-03-13T09:00:00+02:00", seenOn: ["p.txt"] };
  const merged = mergeBreaking([manual, old, shared], [redated], new Set(["p.txt"]));
  assert.equal(
    merged.map((i) => [i.text, i.time, i.seenOn ?? null]),
    [
      ["خبر", "2017-03-13T09:00:00+02:00", ["p.txt"]],
      ["مشترك", "2017-03-12T08:00:00+02:00", ["q.txt"]],
      ["خبر يدوي", "2017-03-10T10:00:00+02:00", null],
    ],
  );
  assert.match(serializeBreaking(merged), /"url": "\/x\/"/);
});

test("a broken breaking file is reported, naming it", () => {
  for (const text of ["{", "{}", '[{"text": 1}]', '[{"text": "x", "time": "t", "sources": "ناشطون"}]']) {
    try {
      parseBreakingJson(text, "_data/breaking.json");
      assert.unreachable("should throw");
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, /_data\/breaking\.json/);
    }
  }
});

test("tag rules: keyword at a word start, with attached prefixes, alef variants folded", () => {
  const rules = compileTagRules({ "إدلب": "إدلب", "سراقب": ["إدلب", "سراقب"], "الدفاع المدني": "إنقاذ", "حلب": "حلب", UN: "الأمم المتحدة" });
  assert.equal(tagsFor(rules, "قصف على سراقب", []), ["إدلب", "سراقب"]);
  assert.equal(tagsFor(rules, "عنوان", ["وصل إلى ادلب وفد", "شكر للدفاع المدني"]), ["إدلب", "إنقاذ"]);
  assert.equal(tagsFor(rules, "بإدلب والدفاع المدني", []), ["إدلب", "إنقاذ"]);
  assert.equal(tagsFor(rules, "تقرير من un", []), ["الأمم المتحدة"]);
  // Inside a word is not a match ("مطحلب" contains حلب).
  assert.equal(tagsFor(rules, "نبات مطحلب", []), []);
  assert.equal(tagsFor([], "إدلب", []), []);
  for (const bad of [[], "x", { "": "t" }, { k: [] }, { k: 3 }, { k: [""] }]) {
    try {
      compileTagRules(bad, "rules.json");
      assert.unreachable("should throw");
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, /rules\.json/);
    }
  }
});

test.run();
