/**
 * Calendar days in the site's zone. Expected Damascus offsets come from the tz rules for Syria
 * (DST from the last Friday of March 00:00 to the last Friday of October 00:00, UTC+2/+3, until
 * 2022; permanent UTC+3 since 28 October 2022), as Node's tz data (2025c here) has them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { calendarDay, toInstant, toHijri, formatDate, dateHtml } from "../plugin/dates/index.js";
import { AkhbarError } from "../plugin/errors.js";

const at = (iso: string): Date => new Date(iso);

test("2017-05-17T22:30:00Z is 18 May in Damascus (summer, UTC+3)", () => {
  assert.is(calendarDay(at("2017-05-17T22:30:00Z")), "2017-05-18");
  assert.is(calendarDay(at("2017-05-17T20:59:59.999Z")), "2017-05-17");
  assert.is(calendarDay(at("2017-05-17T21:00:00Z")), "2017-05-18");
  assert.is(calendarDay(at("2017-05-17T22:30:00Z"), { timeZone: "UTC" }), "2017-05-17");
  assert.is(toInstant(at("2017-05-17T22:30:00Z")).iso, "2017-05-18T01:30:00+03:00");
});

test("winter midnight in Damascus before 2022 is 22:00 UTC (UTC+2)", () => {
  assert.is(calendarDay(at("2017-01-10T21:59:59Z")), "2017-01-10");
  assert.is(calendarDay(at("2017-01-10T22:00:00.001Z")), "2017-01-11");
  assert.is(toInstant(at("2017-01-10T21:59:59Z")).iso, "2017-01-10T23:59:59+02:00");
});

test("DST start in Damascus, Friday 2017-03-31: 00:00 local does not exist (clocks jump to 01:00)", () => {
  assert.is(calendarDay(at("2017-03-30T21:59:59Z")), "2017-03-30");
  assert.is(toInstant(at("2017-03-30T21:59:59Z")).iso, "2017-03-30T23:59:59+02:00");
  assert.is(calendarDay(at("2017-03-30T22:00:00Z")), "2017-03-31");
  assert.is(toInstant(at("2017-03-30T22:00:00Z")).iso, "2017-03-31T01:00:00+03:00");
  // A wall time inside the gap is moved forward by the gap.
  assert.is(toInstant("2017-03-31T00:30").iso, "2017-03-31T01:30:00+03:00");
  assert.is(toInstant("2017-03-31T01:30").iso, "2017-03-31T01:30:00+03:00");
  assert.is(toInstant("2017-03-30T23:30").iso, "2017-03-30T23:30:00+02:00");
});

test("DST end in Damascus, Friday 2017-10-27: 23:00-24:00 on the 26th happens twice", () => {
  assert.is(calendarDay(at("2017-10-26T20:59:59Z")), "2017-10-26");
  assert.is(toInstant(at("2017-10-26T20:59:59Z")).iso, "2017-10-26T23:59:59+03:00");
  assert.is(calendarDay(at("2017-10-26T21:00:00Z")), "2017-10-26");
  assert.is(toInstant(at("2017-10-26T21:00:00Z")).iso, "2017-10-26T23:00:00+02:00");
  assert.is(calendarDay(at("2017-10-26T21:59:59Z")), "2017-10-26");
  assert.is(calendarDay(at("2017-10-26T22:00:00Z")), "2017-10-27");
  assert.is(toInstant(at("2017-10-26T22:00:00Z")).iso, "2017-10-27T00:00:00+02:00");
  const ambiguous = toInstant("2017-10-26T23:30");
  assert.is(ambiguous.day, "2017-10-26");
  assert.ok(["2017-10-26T23:30:00+03:00", "2017-10-26T23:30:00+02:00"].includes(ambiguous.iso), ambiguous.iso);
});

test("since 2022-10-28 Damascus stays on UTC+3 all year", () => {
  assert.is(calendarDay(at("2022-10-27T20:59:59Z")), "2022-10-27");
  assert.is(calendarDay(at("2022-10-27T21:00:00Z")), "2022-10-28");
  assert.is(calendarDay(at("2023-01-15T20:59:59Z")), "2023-01-15");
  assert.is(calendarDay(at("2023-01-15T21:00:00Z")), "2023-01-16");
  assert.is(toInstant(at("2023-01-15T21:00:00Z")).iso, "2023-01-16T00:00:00+03:00");
});

test("the Hijri day turns at local midnight too: Ramadan 1438 begins at 21:00Z on 26 May in Damascus", () => {
  assert.equal(toHijri(at("2017-05-26T20:59:59Z")), { year: 1438, month: 8, day: 30 });
  assert.equal(toHijri(at("2017-05-26T21:00:00Z")), { year: 1438, month: 9, day: 1 });
  assert.equal(toHijri(at("2017-05-26T21:00:00Z"), { timeZone: "UTC" }), { year: 1438, month: 8, day: 30 });
});

test("other zones: New York and Kiritimati (UTC+14)", () => {
  assert.is(calendarDay(at("2017-05-18T03:59:00Z"), { timeZone: "America/New_York" }), "2017-05-17");
  assert.is(calendarDay(at("2017-05-18T04:01:00Z"), { timeZone: "America/New_York" }), "2017-05-18");
  assert.is(toInstant(at("2017-05-18T04:01:00Z"), { timeZone: "America/New_York" }).iso, "2017-05-18T00:01:00-04:00");
  assert.is(calendarDay(at("2017-05-17T10:30:00Z"), { timeZone: "Pacific/Kiritimati" }), "2017-05-18");
});

const ZONES = ["Asia/Damascus", "America/New_York", "Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC", "Asia/Kathmandu"];

test("date-only values are that calendar day in every zone, never the day before", () => {
  // Eleventy's front matter parser (js-yaml 4, YAML 1.1 timestamps) turns a bare date into a Date
  // at UTC midnight; js-yaml 5 does the same with its YAML 1.1 schema.
  const fromYaml = (yaml.load("date: 2017-05-18", { schema: yaml.DEFAULT_SCHEMA }) as { date: unknown }).date;
  assert.instance(fromYaml, Date);
  assert.is((fromYaml as Date).toISOString(), "2017-05-18T00:00:00.000Z");
  for (const timeZone of ZONES) {
    for (const value of ["2017-05-18", new Date("2017-05-18"), fromYaml as Date, DateTime.fromISO("2017-05-18", { zone: timeZone })]) {
      const i = toInstant(value, { timeZone });
      assert.is(i.day, "2017-05-18", `${String(value)} in ${timeZone}`);
      assert.ok(i.dateOnly);
      assert.is(i.iso, "2017-05-18");
      assert.is(i.epochMs, Date.UTC(2017, 4, 18));
      assert.equal(toHijri(value, { timeZone }), { year: 1438, month: 8, day: 22 });
      assert.ok(formatDate(value, { timeZone }).startsWith("الخميس 18 أيار 2017"), `${String(value)} in ${timeZone}`);
    }
  }
});

test("a Date one millisecond after UTC midnight is an instant again", () => {
  const i = toInstant(new Date(Date.UTC(2017, 4, 18, 0, 0, 0, 1)), { timeZone: "America/New_York" });
  assert.not.ok(i.dateOnly);
  assert.is(i.day, "2017-05-17");
  assert.is(i.iso, "2017-05-17T20:00:00.001-04:00");
});

test("strings: explicit offsets, Z, fractions, and wall times in the site zone", () => {
  assert.is(toInstant("2017-05-18T12:33:00+03:00").epochMs, Date.UTC(2017, 4, 18, 9, 33));
  assert.is(toInstant("2017-05-18T12:33:00-0500").epochMs, Date.UTC(2017, 4, 18, 17, 33));
  assert.is(toInstant("2017-05-18T00:00:00Z").dateOnly, false); // a string keeps its time
  assert.is(toInstant("2017-05-18T00:00:00Z").iso, "2017-05-18T03:00:00+03:00");
  assert.is(toInstant("2017-05-18 12:33").iso, "2017-05-18T12:33:00+03:00");
  assert.is(toInstant("2017-05-18T12:33:05.250Z").iso, "2017-05-18T15:33:05.250+03:00");
  assert.is(toInstant("2017-05-18T12:33", { timeZone: "Asia/Kathmandu" }).iso, "2017-05-18T12:33:00+05:45");
});

test("luxon DateTime: instants keep their instant, midnight in its own zone is a date", () => {
  const dt = DateTime.fromISO("2017-05-18T01:30:00", { zone: "Asia/Damascus" });
  assert.is(toInstant(dt).epochMs, Date.UTC(2017, 4, 17, 22, 30));
  assert.is(calendarDay(dt, { timeZone: "UTC" }), "2017-05-17");
  const midnight = DateTime.fromObject({ year: 2017, month: 5, day: 18 }, { zone: "Pacific/Kiritimati" });
  assert.is(calendarDay(midnight, { timeZone: "America/New_York" }), "2017-05-18");
});

test("time of day and <time datetime> around the DST change", () => {
  assert.is(
    dateHtml(at("2017-03-30T22:00:00Z"), { calendar: "gregorian", time: true }),
    '<time datetime="2017-03-31T01:00:00+03:00">31 آذار 2017 م - 01:00</time>',
  );
  assert.is(
    dateHtml(at("2017-10-26T21:30:00Z"), { calendar: "gregorian", time: true }),
    '<time datetime="2017-10-26T23:30:00+02:00">26 تشرين الأول 2017 م - 23:30</time>',
  );
});

test("local mean time offsets with seconds (Damascus before 1920) fall back to UTC in the ISO string", () => {
  const i = toInstant(at("1900-01-01T12:00:00Z"));
  assert.is(i.iso, "1900-01-01T12:00:00.000Z");
  assert.is(i.day, "1900-01-01");
  assert.is(calendarDay(at("1900-01-01T21:40:00Z")), "1900-01-02"); // LMT is UTC+2:25:12
});

test("an unknown time zone is an AkhbarError naming it", () => {
  try {
    calendarDay("2017-05-18T12:00", { timeZone: "Asia/Atlantis" });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, AkhbarError);
    assert.match((e as Error).message, /Asia\/Atlantis/);
  }
});

test.run();
