import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveOptions, DEFAULT_OPTIONS } from "../plugin/options.js";
import { AkhbarError } from "../plugin/errors.js";

function throws(options: unknown, pattern: RegExp): void {
  try {
    resolveOptions(options);
  } catch (error) {
    assert.instance(error, AkhbarError);
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.unreachable(`expected ${JSON.stringify(options)} to be refused`);
}

test("defaults are documented values and user options merge over them", () => {
  const resolved = resolveOptions({ months: "egypt", ticker: { max: 5 }, site: { url: "https://x.example" } });
  assert.is(resolved.months, "egypt");
  assert.is(resolved.digits, DEFAULT_OPTIONS.digits);
  assert.is(resolved.timeZone, "Asia/Damascus");
  assert.equal(resolved.ticker, { ...DEFAULT_OPTIONS.ticker, max: 5 });
  assert.is(resolved.site.url, "https://x.example");
  assert.is(resolved.pageSize, 20);
});

test("an unknown option names itself and lists the known ones", () => {
  throws({ monthNames: "egypt" }, /option "monthNames" is not a known option\. Known options: .*months/);
  throws({ ticker: { speeed: 3 } }, /option "ticker\.speeed" is not a known option\. Known options of ticker: from, max, speed/);
});

test("bad values name the option and what is allowed", () => {
  throws({ months: "gulf" }, /option "months" is "gulf"; allowed: "levant", "egypt", "maghreb", "levant-egypt"/);
  throws({ digits: "roman" }, /option "digits"/);
  throws({ hijriCalendar: "islamic" }, /option "hijriCalendar"/);
  throws({ timeZone: "Mars/Olympus" }, /option "timeZone" is "Mars\/Olympus", which is not an IANA time zone/);
  throws({ pageSize: 0 }, /option "pageSize" must be a positive whole number/);
  throws({ theme: "yes" }, /option "theme" must be true or false/);
  throws({ hijriAdjustments: { "1438-13": "2017-05-27" } }, /option "hijriAdjustments" has key "1438-13"/);
  throws({ hijriAdjustments: { "1438-09": "27 May" } }, /values are Gregorian "YYYY-MM-DD"/);
  throws({ site: { url: "akhbar.example" } }, /option "site\.url" must be an absolute http\(s\) URL/);
  throws({ ticker: { speed: -1 } }, /option "ticker\.speed"/);
  throws("theme", /must be an object/);
});

test.run();
