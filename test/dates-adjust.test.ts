/**
 * hijriAdjustments (local moon sighting) and bad input. Umm al-Qura starts used as the computed
 * baseline (1438 AH): Sha'ban 2017-04-27, Ramadan 2017-05-27, Shawwal 2017-06-25, Dhu al-Qa'da 2017-07-24.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DateTime } from "luxon";
import {
  toHijri,
  fromHijri,
  formatDate,
  dateHtml,
  calendarDay,
  toInstant,
  hijriMonthStart,
  hijriMonthLength,
  validateDateOptions,
} from "../plugin/dates/index.js";
import { throwsAkhbar } from "./helpers/assertions.js";

// A sighting one day later than Umm al-Qura for Sha'ban, Ramadan and Shawwal 1438.
const LATER = { "1438-08": "2017-04-28", "1438-09": "2017-05-28", "1438-10": "2017-06-26" };
// Eid one day earlier: Ramadan ends after 28 days of the computed table.
const EARLIER = { "1438-10": "2017-06-24" };

test("adjusted later: Gregorian -> Hijri", () => {
  const o = { hijriAdjustments: LATER };
  assert.equal(toHijri("2017-04-27", o), { year: 1438, month: 7, day: 30 });
  assert.equal(toHijri("2017-04-28", o), { year: 1438, month: 8, day: 1 });
  assert.equal(toHijri("2017-05-27", o), { year: 1438, month: 8, day: 30 });
  assert.equal(toHijri("2017-05-28", o), { year: 1438, month: 9, day: 1 });
  assert.equal(toHijri("2017-06-25", o), { year: 1438, month: 9, day: 29 });
  assert.equal(toHijri("2017-06-26", o), { year: 1438, month: 10, day: 1 });
  // Dhu al-Qa'da is not adjusted: Shawwal runs until its computed start.
  assert.equal(toHijri("2017-07-23", o), { year: 1438, month: 10, day: 28 });
  assert.equal(toHijri("2017-07-24", o), { year: 1438, month: 11, day: 1 });
  // Without the table, the same days read as Umm al-Qura.
  assert.equal(toHijri("2017-05-27"), { year: 1438, month: 9, day: 1 });
});

test("adjusted later: Hijri -> Gregorian and month lengths", () => {
  const o = { hijriAdjustments: LATER };
  assert.is(fromHijri(1438, 9, 1, o), "2017-05-28");
  assert.is(fromHijri(1438, 8, 30, o), "2017-05-27");
  assert.is(fromHijri(1438, 10, 1, o), "2017-06-26");
  assert.is(hijriMonthStart(1438, 9, o), "2017-05-28");
  assert.is(hijriMonthLength(1438, 7, o), 30);
  assert.is(hijriMonthLength(1438, 9, o), 29);
  assert.is(hijriMonthLength(1438, 10, o), 28);
  throwsAkhbar(() => fromHijri(1438, 10, 29, o), /1438-10-29 does not exist: that month has 28 days/);
});

test("adjusted earlier: both directions", () => {
  const o = { hijriAdjustments: EARLIER };
  assert.equal(toHijri("2017-06-23", o), { year: 1438, month: 9, day: 28 });
  assert.equal(toHijri("2017-06-24", o), { year: 1438, month: 10, day: 1 });
  assert.equal(toHijri("2017-06-25", o), { year: 1438, month: 10, day: 2 });
  assert.is(fromHijri(1438, 10, 1, o), "2017-06-24");
  assert.is(fromHijri(1438, 9, 28, o), "2017-06-23");
  throwsAkhbar(() => fromHijri(1438, 9, 29, o), /has 28 days/);
});

test("adjusted tables round-trip every day of 1437-1439 AH", () => {
  for (const hijriAdjustments of [LATER, EARLIER]) {
    const o = { hijriAdjustments };
    for (let t = Date.UTC(2015, 9, 1); t < Date.UTC(2018, 9, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const h = toHijri(day, o);
      assert.is(fromHijri(h.year, h.month, h.day, o), day);
    }
  }
});

test("adjustments reach formatted text and data-hijri; Date keys of YAML work too", () => {
  const o = { hijriAdjustments: LATER };
  assert.is(formatDate("2017-05-27", o), "السبت 27 أيار 2017 م، الموافق 30 شعبان 1438 هـ");
  assert.is(
    dateHtml("2017-05-28", { ...o, calendar: "hijri" }),
    '<time datetime="2017-05-28" data-hijri="1438-09-01">1 رمضان 1438 هـ</time>',
  );
  assert.equal(toHijri("2017-05-28", { hijriAdjustments: { "1438-09": new Date("2017-05-28") } as never }), {
    year: 1438,
    month: 9,
    day: 1,
  });
});

test("adjustments on the arithmetic calendars", () => {
  // islamic-tbla computes 1 Ramadan 1438 = 2017-05-26 (civil, one day later, agrees with Umm al-Qura).
  assert.is(fromHijri(1438, 9, 1, { hijriCalendar: "islamic-tbla" }), "2017-05-26");
  assert.is(fromHijri(1438, 9, 1, { hijriCalendar: "islamic-civil" }), "2017-05-27");
  const o = { hijriCalendar: "islamic-tbla" as const, hijriAdjustments: { "1438-09": "2017-05-27" } };
  assert.equal(toHijri("2017-05-26", o), { year: 1438, month: 8, day: 30 });
  assert.is(fromHijri(1438, 9, 1, o), "2017-05-27");
});

test("bad adjustment tables name the key or the value", () => {
  const bad: [unknown, RegExp][] = [
    [{ "1438-13": "2017-05-27" }, /"1438-13".*YYYY-MM.*01-12/],
    [{ x: "2017-05-27" }, /malformed key "x"/],
    [{ "1438-9": "2017-05-27" }, /"1438-9"/],
    [{ "1438-09": "yesterday" }, /"yesterday".*"1438-09"/],
    [{ "1438-09": "2017-02-30" }, /"2017-02-30"/],
    [{ "1438-09": 5 }, /value 5/],
    [{ "1438-09": "2017-06-05" }, /"1438-09".*9 days from the computed start 2017-05-27.*at most 3/],
    [{ "1438-09": "2017-05-30" }, /month 1438-08 33 days long/],
    [{ "1299-12": "1882-10-14" }, /1299-12.*outside the Umm al-Qura table/],
    [["1438-09"], /must be an object/],
    ["1438-09=2017-05-27", /must be an object/],
  ];
  for (const [hijriAdjustments, pattern] of bad) {
    const error = throwsAkhbar(() => validateDateOptions({ hijriAdjustments }, "akhbar plugin"), pattern);
    assert.is(error.field, "hijriAdjustments");
    assert.match(error.message, /hijriAdjustments/);
    // The conversions refuse them the same way.
    throwsAkhbar(() => toHijri("2017-05-18", { hijriAdjustments } as never), pattern);
  }
});

test("bad dates throw AkhbarError naming the value", () => {
  const bad: [unknown, RegExp][] = [
    ["2017-02-30", /"2017-02-30".*no such calendar day/],
    ["yesterday", /"yesterday"/],
    [undefined, /not a date: undefined/],
    [null, /not a date: null/],
    ["", /not a date: ""/],
    [1495065600000, /not a date: 1495065600000/],
    [new Date("nonsense"), /Invalid Date/],
    [DateTime.fromISO("2017-13-01"), /invalid luxon DateTime/],
    ["2017-05-18T25:00", /"2017-05-18T25:00".*no such time of day/],
    ["2017-5-18", /"2017-5-18"/],
    ["18/05/2017", /"18\/05\/2017"/],
    ["2017-05-18T12:33+25:00", /no such UTC offset/],
    [{ year: 2017 }, /\[object Object\]/],
  ];
  for (const [value, pattern] of bad) {
    for (const fn of [toHijri, calendarDay, toInstant, formatDate, dateHtml] as ((v: unknown) => unknown)[]) {
      const error = throwsAkhbar(() => fn(value), pattern);
      assert.is(error.field, "date");
    }
  }
});

test("validateDateOptions names the option and the allowed values", () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ timeZone: "Mars/Olympus" }, /timeZone = "Mars\/Olympus".*IANA/],
    [{ timeZone: 3 }, /timeZone = 3/],
    [{ calendar: "persian" }, /calendar = "persian".*"gregorian", "hijri", "dual"/],
    [{ hijriCalendar: "islamic" }, /hijriCalendar = "islamic".*"islamic-umalqura", "islamic-civil", "islamic-tbla"/],
    [{ months: "gulf" }, /months = "gulf".*"levant", "egypt", "maghreb", "levant-egypt"/],
    [{ digits: "hindi" }, /digits = "hindi".*"latn", "arab"/],
    [{ weekday: "yes" }, /weekday = "yes".*true or false/],
    [{ time: 1 }, /time = 1/],
    [{ separator: 0 }, /separator = 0/],
  ];
  for (const [options, pattern] of bad) {
    const error = throwsAkhbar(() => validateDateOptions(options, "akhbar plugin"), pattern);
    assert.match(error.message, /akhbar plugin/);
    assert.is(error.field, Object.keys(options)[0]);
    throwsAkhbar(() => formatDate("2017-05-18", options as never), pattern);
  }
  throwsAkhbar(() => validateDateOptions("dual", "akhbar plugin"), /expected an object/);
  throwsAkhbar(() => formatDate("2017-05-18", "dual" as never), /options = "dual": expected an object/);
  throwsAkhbar(() => dateHtml("2017-05-18", 5 as never), /options = 5/);
  // Good options pass, unknown keys are left to the caller.
  validateDateOptions({ timeZone: "Europe/Istanbul", calendar: "hijri", months: "egypt", digits: "arab", other: 1 }, "x");
  validateDateOptions(undefined, "x");
});

test.run();
