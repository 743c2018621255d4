import { test } from "uvu";
import { spawnSync } from "node:child_process";
import * as assert from "uvu/assert";
import { formatDate, dateHtml, formatHijriMonth, formatGregorianMonth } from "../plugin/dates/index.js";

const MAY_18 = "2017-05-18";
/** Bidi controls and marks that must never appear unless asked for. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

test("default: the dual form with weekday and era marks", () => {
  const text = formatDate(MAY_18);
  assert.is(text, "الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ");
  assert.not.match(text, BIDI);
});

test("calendar gregorian and hijri, weekday, era and separator options", () => {
  assert.is(formatDate(MAY_18, { calendar: "gregorian" }), "18 أيار 2017 م");
  assert.is(formatDate(MAY_18, { calendar: "gregorian", weekday: true }), "الخميس 18 أيار 2017 م");
  assert.is(formatDate(MAY_18, { calendar: "hijri" }), "22 شعبان 1438 هـ");
  assert.is(formatDate(MAY_18, { calendar: "hijri", weekday: true }), "الخميس 22 شعبان 1438 هـ");
  assert.is(formatDate(MAY_18, { era: false }), "الخميس 18 أيار 2017، الموافق 22 شعبان 1438");
  assert.is(formatDate(MAY_18, { weekday: false }), "18 أيار 2017 م، الموافق 22 شعبان 1438 هـ");
  assert.is(formatDate(MAY_18, { separator: " / " }), "الخميس 18 أيار 2017 م / 22 شعبان 1438 هـ");
});

test("every weekday name over one week", () => {
  const names = ["2017-05-14", "2017-05-15", "2017-05-16", "2017-05-17", "2017-05-18", "2017-05-19", "2017-05-20"].map(
    (d) => formatDate(d, { calendar: "gregorian", weekday: true }).split(" ")[0],
  );
  assert.equal(names, ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]);
});

const MONTH_SETS = {
  levant: ["كانون الثاني", "آذار", "أيار", "تموز", "آب", "تشرين الأول", "كانون الأول"],
  egypt: ["يناير", "مارس", "مايو", "يوليو", "أغسطس", "أكتوبر", "ديسمبر"],
  maghreb: ["جانفي", "مارس", "ماي", "جويلية", "أوت", "أكتوبر", "ديسمبر"],
  "levant-egypt": ["كانون الثاني/يناير", "آذار/مارس", "أيار/مايو", "تموز/يوليو", "آب/أغسطس", "تشرين الأول/أكتوبر", "كانون الأول/ديسمبر"],
} as const;
const SAMPLE_MONTHS = [1, 3, 5, 7, 8, 10, 12];

for (const [set, names] of Object.entries(MONTH_SETS)) {
  test(`month names: ${set}`, () => {
    SAMPLE_MONTHS.forEach((month, i) => {
      const day = `2017-${String(month).padStart(2, "0")}-15`;
      const months = set as keyof typeof MONTH_SETS;
      assert.is(formatDate(day, { calendar: "gregorian", months }), `15 ${names[i]} 2017 م`);
      assert.is(formatGregorianMonth(2017, month, { months }), `${names[i]} 2017`);
    });
  });
}

test("digits: arab writes every number in Arabic-Indic digits, latn is the default", () => {
  assert.is(formatDate(MAY_18, { digits: "arab" }), "الخميس ١٨ أيار ٢٠١٧ م، الموافق ٢٢ شعبان ١٤٣٨ هـ");
  assert.is(formatDate(MAY_18, { digits: "latn" }), "الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ");
  assert.is(
    formatDate(new Date("2017-05-18T09:33:00Z"), { calendar: "gregorian", time: true, digits: "arab" }),
    "١٨ أيار ٢٠١٧ م - ١٢:٣٣",
  );
  assert.is(formatHijriMonth(1438, 8, { digits: "arab" }), "شعبان ١٤٣٨ هـ");
  assert.is(formatGregorianMonth(2017, 5, { digits: "arab" }), "أيار ٢٠١٧");
  // Cached results for one option set never leak into another.
  assert.is(formatDate(MAY_18, { calendar: "hijri", digits: "arab" }), "٢٢ شعبان ١٤٣٨ هـ");
  assert.is(formatDate(MAY_18, { calendar: "hijri" }), "22 شعبان 1438 هـ");
});

test("time: 24-hour wall time in the site zone; date-only values have none", () => {
  const instant = new Date("2017-05-18T09:33:00Z");
  assert.is(formatDate(instant, { time: true }), "الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ - 12:33");
  assert.is(formatDate(new Date("2017-05-18T15:05:00Z"), { calendar: "gregorian", time: true }), "18 أيار 2017 م - 18:05");
  assert.is(formatDate(instant, { time: true, timeZone: "UTC", calendar: "gregorian" }), "18 أيار 2017 م - 09:33");
  assert.is(formatDate(MAY_18, { time: true, calendar: "gregorian" }), "18 أيار 2017 م");
});

test("bidi isolates only when asked", () => {
  assert.is(
    formatDate(MAY_18, { bidiIsolates: true, time: true, timeZone: "UTC" }),
    "\u2068الخميس 18 أيار 2017 م\u2069، الموافق \u206822 شعبان 1438 هـ\u2069",
  );
  assert.is(
    formatDate(new Date("2017-05-18T09:33:00Z"), { calendar: "hijri", time: true, bidiIsolates: true }),
    "\u206822 شعبان 1438 هـ\u2069 - \u206812:33\u2069",
  );
  assert.is(formatHijriMonth(1438, 8, { bidiIsolates: true }), "\u2068شعبان 1438 هـ\u2069");
  for (const text of [formatDate(MAY_18, { time: true }), formatHijriMonth(1438, 8), formatGregorianMonth(2017, 5)]) {
    assert.not.match(text, BIDI);
  }
});

test("dateHtml: <time> with the ISO instant and data-hijri", () => {
  assert.is(
    dateHtml(new Date("2017-05-17T22:30:00Z")),
    '<time datetime="2017-05-18T01:30:00+03:00" data-hijri="1438-08-22">الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ</time>',
  );
  assert.is(
    dateHtml(MAY_18, { calendar: "hijri" }),
    '<time datetime="2017-05-18" data-hijri="1438-08-22">22 شعبان 1438 هـ</time>',
  );
  assert.is(dateHtml(MAY_18, { calendar: "gregorian" }), '<time datetime="2017-05-18">18 أيار 2017 م</time>');
  // data-hijri and datetime stay machine-readable (Latin digits) whatever the display digits.
  assert.is(
    dateHtml(MAY_18, { calendar: "hijri", digits: "arab" }),
    '<time datetime="2017-05-18" data-hijri="1438-08-22">٢٢ شعبان ١٤٣٨ هـ</time>',
  );
});

test("dateHtml escapes the text (a separator is user-supplied)", () => {
  const html = dateHtml(MAY_18, { separator: ' <b onclick="x">&</b> ' });
  assert.is(
    html,
    '<time datetime="2017-05-18" data-hijri="1438-08-22">الخميس 18 أيار 2017 م &lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt; 22 شعبان 1438 هـ</time>',
  );
});

test("archive headings: Hijri month with هـ, Gregorian month without era unless asked", () => {
  assert.is(formatHijriMonth(1438, 9), "رمضان 1438 هـ");
  assert.is(formatHijriMonth(1438, 9, { era: false }), "رمضان 1438");
  assert.is(formatHijriMonth(1438, 1), "محرم 1438 هـ");
  assert.is(formatHijriMonth(1438, 12), "ذو الحجة 1438 هـ");
  assert.is(formatGregorianMonth(2017, 5), "أيار 2017");
  assert.is(formatGregorianMonth(2017, 5, { era: true }), "أيار 2017 م");
});

test("the output does not depend on the machine's default locale or time zone", () => {
  // Run the engine in child processes whose default locale and zone differ.
  const code = `import { formatDate } from ${JSON.stringify(new URL("../plugin/dates/index.ts", import.meta.url).href)};
    process.stdout.write(formatDate(new Date("2017-05-17T22:30:00Z"), { time: true }) + "|" +
      formatDate(new Date("2017-05-17T22:30:00Z"), { calendar: "hijri", digits: "arab" }) + "|" +
      new Intl.DateTimeFormat().resolvedOptions().locale);`;
  const outputs = [
    { LANG: "ar_SA.UTF-8", LC_ALL: "ar_SA.UTF-8", TZ: "America/Los_Angeles" },
    { LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8", TZ: "Asia/Tokyo" },
    { LANG: "ar_EG.UTF-8", LC_ALL: "ar_EG.UTF-8", TZ: "UTC" },
  ].map((env) => {
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    assert.is(child.status, 0, child.stderr);
    return child.stdout.split("|");
  });
  // The children really ran with other defaults (ar-SA defaults to Arabic-Indic digits in ICU 78).
  assert.equal(outputs.map((o) => o[2]), ["ar-SA", "en-US", "ar-EG"]);
  for (const [text, hijri] of outputs) {
    assert.is(text, "الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ - 01:30");
    assert.is(hijri, "٢٢ شعبان ١٤٣٨ هـ");
  }
});

test.run();
