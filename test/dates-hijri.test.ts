/**
 * Hijri conversions. Expected month starts are typed in by hand from the published Umm al-Qura
 * calendar (KACST; the same month lengths are in OpenJDK's hijrah-config-Hijrah-umalqura file:
 * 1438 = 30 29 30 30 30 29 29 30 29 29 30 29, 1445 = 29 30 30 30 29 30 29 29 30 29 29 30), and
 * cross-checked with well-known dates: Ramadan 1438 began 27 May 2017, Eid al-Fitr 1438 was
 * 25 June 2017, Ramadan 1445 began 11 March 2024, Eid al-Adha 1445 was 16 June 2024.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fromHijri, toHijri, hijriMonthStart, hijriMonthLength, umalquraRange } from "../plugin/dates/index.js";
import { throwsAkhbar } from "./helpers/assertions.js";

const UMALQURA_1438: [number, number, string][] = [
  [1438, 1, "2016-10-02"],
  [1438, 2, "2016-11-01"],
  [1438, 3, "2016-11-30"],
  [1438, 4, "2016-12-30"],
  [1438, 5, "2017-01-29"],
  [1438, 6, "2017-02-28"],
  [1438, 7, "2017-03-29"],
  [1438, 8, "2017-04-27"],
  [1438, 9, "2017-05-27"],
  [1438, 10, "2017-06-25"],
  [1438, 11, "2017-07-24"],
  [1438, 12, "2017-08-23"],
  [1439, 1, "2017-09-21"],
];

const UMALQURA_1445: [number, number, string][] = [
  [1445, 1, "2023-07-19"],
  [1445, 2, "2023-08-17"],
  [1445, 3, "2023-09-16"],
  [1445, 4, "2023-10-16"],
  [1445, 5, "2023-11-15"],
  [1445, 6, "2023-12-14"],
  [1445, 7, "2024-01-13"],
  [1445, 8, "2024-02-11"],
  [1445, 9, "2024-03-11"],
  [1445, 10, "2024-04-10"],
  [1445, 11, "2024-05-09"],
  [1445, 12, "2024-06-07"],
  [1446, 1, "2024-07-07"],
];

/** The day before a 'YYYY-MM-DD' (test-side arithmetic, through Date.UTC). */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

for (const [name, table] of [["1438", UMALQURA_1438], ["1445", UMALQURA_1445]] as const) {
  test(`Umm al-Qura ${name} AH: every month start, both directions`, () => {
    for (const [year, month, start] of table) {
      assert.equal(toHijri(start), { year, month, day: 1 }, `toHijri(${start})`);
      assert.is(fromHijri(year, month, 1), start, `fromHijri(${year}, ${month}, 1)`);
      assert.is(hijriMonthStart(year, month), start);
    }
  });

  test(`Umm al-Qura ${name} AH: the last day of every month`, () => {
    for (let i = 1; i < table.length; i++) {
      const [year, month] = table[i - 1];
      const [, , nextStart] = table[i];
      const last = dayBefore(nextStart);
      const length = Number(toHijri(last).day);
      assert.ok(length === 29 || length === 30, `${year}-${month} has ${length} days`);
      assert.equal(toHijri(last), { year, month, day: length });
      assert.is(hijriMonthLength(year, month), length);
      assert.is(fromHijri(year, month, length), last);
    }
  });
}

test("Umm al-Qura month lengths of 1438 as published", () => {
  const lengths = Array.from({ length: 12 }, (_, i) => hijriMonthLength(1438, i + 1));
  assert.equal(lengths, [30, 29, 30, 30, 30, 29, 29, 30, 29, 29, 30, 29]);
});

test("the issue's example: 18 May 2017 is 22 Sha'ban 1438", () => {
  assert.equal(toHijri("2017-05-18"), { year: 1438, month: 8, day: 22 });
  assert.is(fromHijri(1438, 8, 22), "2017-05-18");
  assert.is(fromHijri({ year: 1438, month: 8, day: 22 }), "2017-05-18");
});

test("Umm al-Qura table ends: 1 Muharram 1300 = 1882-11-12, 30 Dhu al-Hijja 1600 = 2174-11-25", () => {
  assert.equal(umalquraRange(), ["1882-11-12", "2174-11-25"]);
  assert.equal(toHijri("1882-11-12"), { year: 1300, month: 1, day: 1 });
  assert.equal(toHijri("2174-11-25"), { year: 1600, month: 12, day: 30 });
  assert.is(fromHijri(1300, 1, 1), "1882-11-12");
  assert.is(fromHijri(1600, 12, 30), "2174-11-25");
});

test("outside the Umm al-Qura table: an error, never a silent switch to islamic-civil", () => {
  throwsAkhbar(() => toHijri("1882-11-11"), /1882-11-11.*outside the Umm al-Qura table.*islamic-civil/);
  throwsAkhbar(() => toHijri("2174-11-26"), /2174-11-26.*outside the Umm al-Qura table/);
  throwsAkhbar(() => toHijri("1850-01-01"), /1850-01-01/);
  throwsAkhbar(() => fromHijri(1299, 12, 1), /1299-12.*outside the Umm al-Qura table/);
  throwsAkhbar(() => fromHijri(1601, 1, 1), /1601-01.*outside the Umm al-Qura table/);
  // The arithmetic calendars have no such limit.
  assert.equal(toHijri("1850-01-01", { hijriCalendar: "islamic-civil" }), icu("islamic-civil", "1850-01-01"));
});

/** ICU's own answer, as an oracle for the table reading and the arithmetic calendars. */
const icuFormatters = new Map<string, Intl.DateTimeFormat>();
function icu(calendar: string, day: string): { year: number; month: number; day: number } {
  let dtf = icuFormatters.get(calendar);
  if (!dtf) {
    dtf = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    icuFormatters.set(calendar, dtf);
  }
  const parts = Object.fromEntries(dtf.formatToParts(Date.parse(`${day}T00:00:00Z`)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

function* everyDay(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

test("round trip fromHijri(toHijri(d)) === d for every day 1937-2077, equal to ICU day by day", () => {
  let count = 0;
  for (const day of everyDay("1937-01-01", "2077-12-31")) {
    const h = toHijri(day);
    const expected = icu("islamic-umalqura", day);
    if (h.year !== expected.year || h.month !== expected.month || h.day !== expected.day) {
      assert.equal(h, expected, `toHijri(${day})`);
    }
    const back = fromHijri(h.year, h.month, h.day);
    if (back !== day) assert.is(back, day, `round trip of ${day}`);
    count++;
  }
  assert.is(count, 141 * 365 + 35); // 35 leap years from 1940 to 2076
});

test("islamic-civil and islamic-tbla: 1 Muharram 1438 = 2016-10-03 and 2016-10-02", () => {
  assert.is(fromHijri(1438, 1, 1, { hijriCalendar: "islamic-civil" }), "2016-10-03");
  assert.is(fromHijri(1438, 1, 1, { hijriCalendar: "islamic-tbla" }), "2016-10-02");
  assert.is(hijriMonthLength(1438, 1, { hijriCalendar: "islamic-civil" }), 30);
  assert.is(hijriMonthLength(1438, 2, { hijriCalendar: "islamic-civil" }), 29);
});

for (const calendar of ["islamic-civil", "islamic-tbla"] as const) {
  test(`${calendar}: equal to ICU and round trips, every day 1937-2077 plus samples back to 1800`, () => {
    const days = [...everyDay("1937-01-01", "2077-12-31"), ...everyDay("1800-01-01", "1800-12-31")];
    for (const day of days) {
      const h = toHijri(day, { hijriCalendar: calendar });
      const expected = icu(calendar, day);
      if (h.year !== expected.year || h.month !== expected.month || h.day !== expected.day) {
        assert.equal(h, expected, `${calendar} toHijri(${day})`);
      }
      const back = fromHijri(h.year, h.month, h.day, { hijriCalendar: calendar });
      if (back !== day) assert.is(back, day, `${calendar} round trip of ${day}`);
    }
  });
}

test("fromHijri refuses days, months and years that do not exist", () => {
  throwsAkhbar(() => fromHijri(1438, 13, 1), /month 13.*1 to 12/);
  throwsAkhbar(() => fromHijri(1438, 0, 1), /month 0/);
  throwsAkhbar(() => fromHijri(1438, 9, 30), /1438-09-30 does not exist: that month has 29 days/);
  throwsAkhbar(() => fromHijri(1438, 9, 31), /day 31/);
  throwsAkhbar(() => fromHijri(1438, 9, 0), /day 0/);
  throwsAkhbar(() => fromHijri(1438.5, 1, 1), /year 1438.5/);
  throwsAkhbar(() => fromHijri("x" as unknown as number, 1, 1), /year "x"/);
  throwsAkhbar(() => hijriMonthStart(1438, 13), /month 13/);
  // Numeric strings, as template languages pass them, are accepted.
  assert.is(fromHijri("1438" as unknown as number, "9" as unknown as number, "1" as unknown as number), "2017-05-27");
});

test.run();
