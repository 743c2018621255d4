/**
 * findDates: dates named in Arabic running text. Every phrase here is written for these tests.
 * Hijri expectations were checked against the Umm al-Qura (KACST) table as shipped in ICU 78
 * (e.g. 1 Ramadan 1438 = 2017-05-27, 1 Muharram 1440 = 2018-09-11, 15 Shaaban 1438 = 2017-05-11:
 * Shaaban 1438 began on 2017-04-27 in Umm al-Qura; the arithmetic islamic-civil calendar gives 05-12).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { findDates, consistentDates, resolveRelativeYear, type DateMention } from "../plugin/dates/text.js";
import { AkhbarError } from "../plugin/errors.js";

/** [phrase, refDate or undefined, expected [matched text, iso] pairs in order] */
type Case = [string, string | undefined, [string, string][]];

const recognised: Case[] = [
  // Gregorian, Levantine names
  ["قُصفت البلدة يوم 2 آذار 2017 بعد منتصف الليل", undefined, [["2 آذار 2017", "2017-03-02"]]],
  ["وصلت القافلة في 14 تشرين الأول 2016 إلى المدينة", undefined, [["14 تشرين الأول 2016", "2016-10-14"]]],
  ["بدأ العام الدراسي في 1 كانون الثاني 2020 متأخراً", undefined, [["1 كانون الثاني 2020", "2020-01-01"]]],
  ["اجتمع المجلس في 29 شباط 2016 للمرة الأخيرة", undefined, [["29 شباط 2016", "2016-02-29"]]],
  ["حتى 10 ايار 2017 لم تفتح الطريق", undefined, [["10 ايار 2017", "2017-05-10"]]],
  ["وقّع الاتفاق في 30 أيلول 2015 في العاصمة", undefined, [["30 أيلول 2015", "2015-09-30"]]],
  ["انتهت الهدنة في 9 تموز 2018", undefined, [["9 تموز 2018", "2018-07-09"]]],
  ["أعلن ذلك في 3 آب 2019 مساءً", undefined, [["3 آب 2019", "2019-08-03"]]],
  // Egyptian, Maghrebi, Moroccan names
  ["افتُتح المعبر في 3 مارس 2018 أمام المسافرين", undefined, [["3 مارس 2018", "2018-03-03"]]],
  ["نُشر التقرير في 17 أبريل 2018", undefined, [["17 أبريل 2018", "2018-04-17"]]],
  ["عُقدت الجلسة في 25 ديسمبر 2019م بحضور الوزير", undefined, [["25 ديسمبر 2019م", "2019-12-25"]]],
  ["صدر القرار يوم 5 جانفي 2020 في تونس", undefined, [["5 جانفي 2020", "2020-01-05"]]],
  ["انطلقت الحملة في 12 أوت 2019", undefined, [["12 أوت 2019", "2019-08-12"]]],
  ["احتج العمال يوم 12 غشت 2019 في الرباط", undefined, [["12 غشت 2019", "2019-08-12"]]],
  ["تأجل الموعد إلى 20 شتنبر 2018", undefined, [["20 شتنبر 2018", "2018-09-20"]]],
  // Month + year
  ["عاد آلاف النازحين في أيار 2017 إلى قراهم", undefined, [["أيار 2017", "2017-05"]]],
  ["في شهر حزيران من عام 2015 أغلقت المدارس", undefined, [["حزيران من عام 2015", "2015-06"]]],
  ["بين كانون الثاني 2016 وآذار 2017 تضاعفت الأسعار", undefined, [["كانون الثاني 2016", "2016-01"], ["آذار 2017", "2017-03"]]],
  ["توقف الإنتاج منذ نوفمبر 2018", undefined, [["نوفمبر 2018", "2018-11"]]],
  // Two names for one month
  ["قُتل يوم 2 آذار/مارس 2017 ثلاثة مدنيين", undefined, [["2 آذار/مارس 2017", "2017-03-02"]]],
  ["تأسست اللجنة في كانون الأول (ديسمبر) 2018", undefined, [["كانون الأول (ديسمبر) 2018", "2018-12"]]],
  // Arabic-Indic digits
  ["جرى التبادل في ٢ آذار ٢٠١٧ عند الحاجز", undefined, [["٢ آذار ٢٠١٧", "2017-03-02"]]],
  ["١٥ رجب ١٤٣٩ هـ موعد الامتحان", undefined, [["١٥ رجب ١٤٣٩ هـ", "2018-04-01"]]],
  // Ordinal day words
  ["في الحادي والعشرين من آذار 2018 خرجت المظاهرة", undefined, [["الحادي والعشرين من آذار 2018", "2018-03-21"]]],
  ["منذ السابع عشر من نيسان 2011 لم يعد", undefined, [["السابع عشر من نيسان 2011", "2011-04-17"]]],
  ["في الثلاثين من أيلول 2015 بدأت الغارات", undefined, [["الثلاثين من أيلول 2015", "2015-09-30"]]],
  ["في الأول من كانون الثاني 2019 رُفعت الأسعار", undefined, [["الأول من كانون الثاني 2019", "2019-01-01"]]],
  ["والسادس من شباط 2019 موعد الجلسة", undefined, [["السادس من شباط 2019", "2019-02-06"]]],
  // Weekdays that agree
  ["الجمعة 22 شباط 2019 خرجت مظاهرات", undefined, [["الجمعة 22 شباط 2019", "2019-02-22"]]],
  ["وقع الانفجار يوم الجمعة، 22 شباط 2019، قرب السوق", undefined, [["الجمعة، 22 شباط 2019", "2019-02-22"]]],
  ["يوم الاثنين الموافق 4 تموز 2016", undefined, [["الاثنين الموافق 4 تموز 2016", "2016-07-04"]]],
  ["الخميس 15 شعبان 1438 هـ", undefined, [["الخميس 15 شعبان 1438 هـ", "2017-05-11"]]],
  // Hijri
  ["تبدأ العطلة في 15 شعبان 1438 هـ وتستمر أسبوعاً", undefined, [["15 شعبان 1438 هـ", "2017-05-11"]]],
  ["يبدأ الصيام في 1 رمضان 1438 عند الفجر", undefined, [["1 رمضان 1438", "2017-05-27"]]],
  ["قبل حلول شهر محرم 1440 هـ بأيام", undefined, [["محرم 1440 هـ", "2018-09-11"]]],
  ["في رمضان 1439 ارتفعت الأسعار", undefined, [["رمضان 1439", "2018-05-16"]]],
  ["صلاة العيد في 10 ذو الحجة 1440 هـ", undefined, [["10 ذو الحجة 1440 هـ", "2019-08-11"]]],
  ["أول أيام العيد 1 شوال 1441ه في المدينة", undefined, [["1 شوال 1441ه", "2020-05-24"]]],
  ["احتفل الأهالي في 12 ربيع الأول 1442هـ بالمولد", undefined, [["12 ربيع الأول 1442هـ", "2020-10-29"]]],
  ["في 27 ذي القعدة 1439 هجرية وصل الحجاج", undefined, [["27 ذي القعدة 1439 هجرية", "2018-08-09"]]],
  ["في الأول من محرم 1445 هـ تبدأ السنة", undefined, [["الأول من محرم 1445 هـ", "2023-07-19"]]],
  ["صدر العدد في جمادى الآخرة 1438", undefined, [["جمادى الآخرة 1438", "2017-02-28"]]],
  // Hijri then Gregorian in one sentence
  ["الجمعة 17 جمادى الآخرة 1440 هـ الموافق 22 شباط 2019", undefined, [["الجمعة 17 جمادى الآخرة 1440 هـ", "2019-02-22"], ["22 شباط 2019", "2019-02-22"]]],
  // Relative to the article's date (refDate)
  ["في السادس من شباط الجاري اجتمع المجلس", "2019-02-10", [["السادس من شباط الجاري", "2019-02-06"]]],
  ["تبدأ الامتحانات مطلع أيار الجاري", "2017-04-28", [["أيار الجاري", "2017-05"]]],
  ["يُفتتح الجسر في شباط المقبل", "2018-12-30", [["شباط المقبل", "2019-02"]]],
  ["تنتهي المهلة في كانون الثاني المقبل", "2018-12-30", [["كانون الثاني المقبل", "2019-01"]]],
  ["منذ كانون الأول الماضي لم تصل المساعدات", "2019-01-02", [["كانون الأول الماضي", "2018-12"]]],
  ["منذ كانون الثاني الماضي", "2019-01-15", [["كانون الثاني الماضي", "2018-01"]]],
  ["توقفت المفاوضات في آذار الماضي", "2018-06-01", [["آذار الماضي", "2018-03"]]],
  ["تنتهي الولاية في العاشر من كانون الأول المقبل", "2018-12-30", [["العاشر من كانون الأول المقبل", "2019-12-10"]]],
  ["بقي الطريق مغلقاً حتى 31 كانون الأول الماضي", "2019-01-01", [["31 كانون الأول الماضي", "2018-12-31"]]],
  ["يعود الطلاب في الأول من أيار", "2017-04-20", [["الأول من أيار", "2017-05-01"]]],
  ["وصل الوفد في 28 كانون الأول", "2018-01-03", [["28 كانون الأول", "2017-12-28"]]],
  ["تُصرف المنحة قبل رمضان المقبل", "2018-01-01", [["رمضان المقبل", "2018-05-16"]]],
  ["ارتفعت الأسعار في رمضان الماضي", "2018-01-01", [["رمضان الماضي", "2017-05-27"]]],
];

for (const [phrase, refDate, expected] of recognised) {
  test(`recognises: ${phrase}${refDate ? ` (refDate ${refDate})` : ""}`, () => {
    const found = findDates(phrase, { refDate });
    assert.equal(
      found.map((m) => [m.text, m.iso]),
      expected,
    );
    for (const m of found) assert.is(phrase.slice(m.start, m.end), m.text);
  });
}

const untouched: [string, string?][] = [
  ["افتُتحت 25 مدرسة في الريف"],
  ["استمر القصف 48 ساعة متواصلة"],
  ["ارتفع سعر الربطة إلى 450 ليرة"],
  ["تبعد القرية 3 كم عن خط التماس"],
  ["صلى الآب في الكنيسة"],
  ["في آب يشتد الحر"],
  ["كان أيار شهراً دامياً", "2019-06-01"],
  ["تموز حار في الجزيرة", "2019-06-01"],
  ["31 شباط 2019"],
  ["32 آذار 2017"],
  ["0 آذار 2017"],
  ["30 رمضان 1438"], // Ramadan 1438 had 29 days in Umm al-Qura
  ["الرقم رقم25 آذار 2017"],
  ["25آذار 2017"],
  ["وصل 150 آذار 2017"],
  ["قال رجب طيب أردوغان"],
  ["عمره شعبان 15 عاماً"],
  ["مارس الضغط على الوفد"],
  ["هاجم آذار 500 مقاتل"],
  ["كان الأول من نوعه"],
  ["رمضان 2018 كان حاراً"],
  ["أيار 1438 هـ"],
  ["تموز الماضي"], // relative, but no refDate
  ["الأول من أيار"], // no year, no refDate
  ["في 2 صفر"], // no year, no refDate
  ["ليلة الأربعاء-الخميس"],
];

for (const [phrase, refDate] of untouched) {
  test(`leaves alone: ${phrase}`, () => {
    assert.equal(findDates(phrase, { refDate }), []);
  });
}

test("a contradicting weekday is reported with matches === false", () => {
  const [m] = findDates("الخميس 22 شباط 2019", {});
  assert.is(m.iso, "2019-02-22");
  assert.equal(m.weekday, { name: "الخميس", matches: false });
  assert.equal(consistentDates([m]), []);
  const [h] = findDates("يوم السبت 15 شعبان 1438 هـ", {});
  assert.equal(h.weekday, { name: "السبت", matches: false });
  assert.is(h.iso, "2017-05-11");
});

test("weekday spelled without hamza is matched and named canonically", () => {
  const [m] = findDates("الاحد 1 كانون الثاني 2017", {});
  assert.equal(m.weekday, { name: "الأحد", matches: true });
});

test("mention fields: kind, calendar, hijri, relative, inferredYear, digits", () => {
  const [g] = findDates("٢ آذار ٢٠١٧");
  assert.equal(
    { kind: g.kind, calendar: g.calendar, gregorian: g.gregorian, digits: g.digits, hijri: g.hijri },
    { kind: "day", calendar: "gregorian", gregorian: { year: 2017, month: 3, day: 2 }, digits: "arab", hijri: undefined },
  );
  const [h] = findDates("محرم 1440 هـ");
  assert.equal(
    { kind: h.kind, calendar: h.calendar, hijri: h.hijri, iso: h.iso },
    { kind: "month", calendar: "hijri", hijri: { year: 1440, month: 1 }, iso: "2018-09-11" },
  );
  const [r] = findDates("السادس من شباط الجاري", { refDate: "2019-02-10" });
  assert.is(r.relative, "current");
  assert.is(r.kind, "day");
  assert.is(r.inferredYear, undefined);
  const [y] = findDates("الأول من أيار", { refDate: "2017-04-20" });
  assert.is(y.inferredYear, true);
  assert.is(y.relative, undefined);
  const [m] = findDates("3 مارس 2018");
  assert.equal(m.monthSets, ["egypt", "maghreb", "morocco"]);
});

test("relative years near year ends", () => {
  assert.is(resolveRelativeYear("next", 1, 2018, 12), 2019);
  assert.is(resolveRelativeYear("next", 12, 2018, 12), 2019);
  assert.is(resolveRelativeYear("next", 12, 2018, 11), 2018);
  assert.is(resolveRelativeYear("previous", 12, 2019, 1), 2018);
  assert.is(resolveRelativeYear("previous", 1, 2019, 1), 2018);
  assert.is(resolveRelativeYear("previous", 1, 2019, 2), 2019);
  assert.is(resolveRelativeYear("current", 12, 2019, 1), 2019);
});

test("Hijri month adjustments move Hijri mentions", () => {
  const [m] = findDates("1 رمضان 1438", { hijriAdjustments: { "1438-09": "2017-05-28" } });
  assert.is(m.iso, "2017-05-28");
});

test("bad refDate throws AkhbarError naming the value", () => {
  for (const bad of ["2019-02-30", "10/02/2019", "2019-2-1"]) {
    try {
      findDates("أيار الجاري", { refDate: bad });
      assert.unreachable(`no error for ${bad}`);
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, bad);
    }
  }
});

test("several mentions keep text order and offsets", () => {
  const text = "من 2 آذار 2017 حتى 15 شعبان 1438 هـ، ثم في أيار 2017";
  const found: DateMention[] = findDates(text);
  assert.equal(found.map((m) => m.text), ["2 آذار 2017", "15 شعبان 1438 هـ", "أيار 2017"]);
  for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end);
});

test("text without month names returns quickly and empty", () => {
  assert.equal(findDates(""), []);
  assert.equal(findDates("قال 12 شخصاً إن 2017 كانت صعبة"), []);
});

test.run();
