import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import {
  createSourceRegistry,
  parseAttribution,
  splitAttributedText,
  splitTickerLine,
  normalizeName,
  SOURCE_KINDS,
  KIND_LABELS,
  kindLabel,
  listSourceKinds,
} from "../plugin/sources/index.js";
import { AkhbarError } from "../plugin/errors.js";

const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")), {
  file: "_data/sources.json",
});

// Our own ticker line, in the shape of a saved page: one long line, items back to back.
const LINE =
  "افتتاح مخبز آلي جديد في بلدة سرمدا شمال إدلب (مصادر محلية) - 13:05 " +
  "انقطاع المياه عن أحياء في مدينة الحسكة لليوم الثالث ( ناشطون+ إعلام النظام) - 12:40 " +
  '"مديرية التربية" تعلن موعد امتحانات الشهادة الثانوية في "درعا"(بيان) - 11:15 ' +
  "وصول قافلة مساعدات (12 شاحنة) إلى معبر باب الهوى (الأمم المتحدة) - 09:50 " +
  "ارتفاع أسعار الخبز في ريف حمص الشمالي - 08:20";

// ---- parseAttribution -------------------------------------------------------------------------

test("parseAttribution: parentheses, inner spaces and + separator", () => {
  assert.equal(parseAttribution("( ناشطون+ إعلام النظام)"), ["ناشطون", "إعلام النظام"]);
  assert.equal(parseAttribution("ناشطون + إعلام النظام"), ["ناشطون", "إعلام النظام"]);
});

test("parseAttribution: Arabic comma and Latin comma", () => {
  assert.equal(parseAttribution("(الدفاع المدني، مراسل الوكالة)"), ["الدفاع المدني", "مراسل الوكالة"]);
  assert.equal(parseAttribution("Reuters, الأمم المتحدة"), ["Reuters", "الأمم المتحدة"]);
});

test("parseAttribution: ' و' splits only when the registry knows both names", () => {
  assert.equal(parseAttribution("ناشطون وإعلام النظام", registry), ["ناشطون", "إعلام النظام"]);
  assert.equal(parseAttribution("ناشطون و إعلام النظام", registry), ["ناشطون", "إعلام النظام"]);
  // The second name itself begins with و: "و" + "وزير الصحة".
  assert.equal(parseAttribution("مصادر محلية ووزير الصحة", registry), ["مصادر محلية", "وزير الصحة"]);
  // Three names.
  assert.equal(parseAttribution("ناشطون وبيان والدفاع المدني", registry), ["ناشطون", "بيان", "الدفاع المدني"]);
  // One side unknown: stays whole.
  assert.equal(parseAttribution("ناشطون ومصادر طبية", registry), ["ناشطون ومصادر طبية"]);
  // Without a registry it never splits at و.
  assert.equal(parseAttribution("ناشطون وإعلام النظام"), ["ناشطون وإعلام النظام"]);
});

test("parseAttribution: a known name containing ' و' is not split", () => {
  const reg = createSourceRegistry([
    { name: "وزارة الصحة والسكان", kind: "official" },
    { name: "وزارة الصحة", kind: "official" },
    { name: "السكان", kind: "local" },
  ]);
  assert.equal(parseAttribution("(وزارة الصحة والسكان)", reg), ["وزارة الصحة والسكان"]);
});

test("parseAttribution: empty pieces, duplicates and non-strings", () => {
  assert.equal(parseAttribution("(ناشطون ++ ، ناشطون)"), ["ناشطون"]);
  assert.equal(parseAttribution("()"), []);
  assert.equal(parseAttribution(""), []);
  assert.equal(parseAttribution(undefined), []);
  assert.equal(parseAttribution(42), []);
});

// ---- splitAttributedText ----------------------------------------------------------------------

test("splitAttributedText: text, sources and time", () => {
  const r = splitAttributedText("حريق في سوق الهال بمدينة حماة (مراسل الوكالة) - 14:22");
  assert.is(r.text, "حريق في سوق الهال بمدينة حماة");
  assert.equal(r.sources, ["مراسل الوكالة"]);
  assert.is(r.time, "14:22");
  assert.equal(r.raw, { attribution: "(مراسل الوكالة)", time: "- 14:22" });
});

test("splitAttributedText: a parenthesis glued to the previous word", () => {
  const r = splitAttributedText('حملة تعقيم للمدارس للوقاية من "الكوليرا"(وزير الصحة) - 09:10');
  assert.is(r.text, 'حملة تعقيم للمدارس للوقاية من "الكوليرا"');
  assert.equal(r.sources, ["وزير الصحة"]);
  assert.is(r.time, "09:10");
});

test("splitAttributedText: attribution glued to the end of the text without a space", () => {
  const r = splitAttributedText("عودة التيار الكهربائي إلى بلدة معرة مصرين(منسقو الاستجابة) - 18:02");
  assert.is(r.text, "عودة التيار الكهربائي إلى بلدة معرة مصرين");
  assert.equal(r.sources, ["منسقو الاستجابة"]);
});

test("splitAttributedText: Arabic-Indic digits are normalised, short hours padded", () => {
  assert.is(splitAttributedText("أمطار غزيرة على الساحل (مراسل الوكالة) - ١٠:٤٥").time, "10:45");
  assert.is(splitAttributedText("أمطار غزيرة (ناشطون) - ٧:٠٥").time, "07:05");
  assert.is(splitAttributedText("أمطار غزيرة (ناشطون) - ۰۹:۳۰").time, "09:30");
  assert.is(splitAttributedText("أمطار (ناشطون) - \u200F10:45\u200F").time, "10:45");
});

test("splitAttributedText: earlier parentheses stay in the text; the last group is the attribution", () => {
  const r = splitAttributedText("سيطرة على بلدة (20 كم شرق الرقة) بعد معارك (قسد) عنيفة (ناشطون) - 06:40");
  assert.is(r.text, "سيطرة على بلدة (20 كم شرق الرقة) بعد معارك (قسد) عنيفة");
  assert.equal(r.sources, ["ناشطون"]);
});

test("splitAttributedText: a group followed by more text is not an attribution", () => {
  const r = splitAttributedText("اجتماع لمجلس محافظة (حلب) لمناقشة الموازنة - 16:00");
  assert.is(r.text, "اجتماع لمجلس محافظة (حلب) لمناقشة الموازنة");
  assert.equal(r.sources, []);
  assert.is(r.time, "16:00");
});

test("splitAttributedText: no attribution, no time", () => {
  const r = splitAttributedText("توزيع مادة المازوت على العائلات في المخيمات");
  assert.equal(r, {
    text: "توزيع مادة المازوت على العائلات في المخيمات",
    sources: [],
    time: null,
    raw: { attribution: null, time: null },
  });
  const s = splitAttributedText("توزيع المازوت (الدفاع المدني)");
  assert.equal(s.sources, ["الدفاع المدني"]);
  assert.is(s.time, null);
});

test("splitAttributedText: a clock time inside the sentence is text, not the item time", () => {
  const r = splitAttributedText("حظر تجول يبدأ الساعة 19:00");
  assert.is(r.text, "حظر تجول يبدأ الساعة 19:00");
  assert.is(r.time, null);
  // Impossible times are text too.
  assert.is(splitAttributedText("نص (ناشطون) - 25:10").time, null);
  assert.is(splitAttributedText("نص (ناشطون) - 12:75").time, null);
});

test("splitAttributedText: a time right after the attribution without a dash", () => {
  const r = splitAttributedText("نص الخبر (بيان) 07:43");
  assert.equal([r.text, r.sources, r.time], ["نص الخبر", ["بيان"], "07:43"]);
});

test("splitAttributedText: unbalanced or nested parentheses", () => {
  const r = splitAttributedText("نص (ناقص - 10:00");
  assert.equal([r.text, r.sources, r.time], ["نص (ناقص", [], "10:00"]);
  const n = splitAttributedText("نص (مصادر (محلية)) - 10:00");
  assert.is(n.text, "نص");
  assert.equal(n.raw.attribution, "(مصادر (محلية))");
});

test("splitAttributedText: ' و' inside an attribution uses the registry", () => {
  const r = splitAttributedText("قصف على أطراف بلدة كفرنبل (ناشطون وإعلام النظام) - 05:30", registry);
  assert.equal(r.sources, ["ناشطون", "إعلام النظام"]);
});

// ---- splitTickerLine --------------------------------------------------------------------------

test("splitTickerLine: a saved-page line with five items", () => {
  const items = splitTickerLine(LINE);
  assert.is(items.length, 5);
  assert.equal(
    items.map((i) => [i.sources, i.time]),
    [
      [["مصادر محلية"], "13:05"],
      [["ناشطون", "إعلام النظام"], "12:40"],
      [["بيان"], "11:15"],
      [["الأمم المتحدة"], "09:50"],
      [[], "08:20"],
    ],
  );
  assert.is(items[2].text, '"مديرية التربية" تعلن موعد امتحانات الشهادة الثانوية في "درعا"');
  assert.is(items[3].text, "وصول قافلة مساعدات (12 شاحنة) إلى معبر باب الهوى");
  assert.is(items[4].text, "ارتفاع أسعار الخبز في ريف حمص الشمالي");
});

test("splitTickerLine: single item, empty line, trailing item without time", () => {
  assert.equal(
    splitTickerLine("تعليق الدوام في الجامعات (بيان) - 08:00").map((i) => [i.text, i.time]),
    [["تعليق الدوام في الجامعات", "08:00"]],
  );
  assert.equal(splitTickerLine(""), []);
  assert.equal(splitTickerLine("   \n "), []);
  assert.equal(splitTickerLine(null), []);
  const tail = splitTickerLine("خبر أول (ناشطون) - 10:00 خبر بلا وقت (بيان)");
  assert.equal(tail.map((i) => [i.text, i.sources, i.time]), [
    ["خبر أول", ["ناشطون"], "10:00"],
    ["خبر بلا وقت", ["بيان"], null],
  ]);
});

test("splitTickerLine: Arabic-Indic digits and items glued to the previous time", () => {
  const items = splitTickerLine("خبر أول (ناشطون) - ١١:٣٠خبر ثان (مصادر محلية) - ٩:٠٥");
  assert.equal(items.map((i) => [i.text, i.time]), [
    ["خبر أول", "11:30"],
    ["خبر ثان", "09:05"],
  ]);
});

test("splitTickerLine: dashes inside text do not split items", () => {
  const items = splitTickerLine("طريق حلب - دمشق الدولي يفتح أمام المدنيين (مراسل الوكالة) - 15:45 خبر آخر - 15:00");
  assert.equal(items.map((i) => i.text), ["طريق حلب - دمشق الدولي يفتح أمام المدنيين", "خبر آخر"]);
});

// ---- registry ---------------------------------------------------------------------------------

test("registry: lookup by name and alias, normalised", () => {
  assert.is(registry.lookup("ناشطون")?.kind, "activists");
  assert.is(registry.lookup("  ناشطون   محليون ")?.name, "ناشطون");
  assert.is(registry.lookup("نَاشِطُون")?.name, "ناشطون"); // harakat
  assert.is(registry.lookup("ناشـــطون")?.name, "ناشطون"); // tatweel
  assert.is(registry.lookup("اعلام النظام")?.name, "إعلام النظام"); // alef variant
  assert.is(registry.lookup("reuters")?.name, "Reuters");
  assert.is(registry.lookup("\u200Fناشطون")?.name, "ناشطون");
  assert.is(registry.lookup("مصدر مجهول"), undefined);
  assert.is(registry.has("رويترز"), true);
});

test("registry: alef folding can be turned off", () => {
  const strict = createSourceRegistry([{ name: "إعلام النظام", kind: "regime-media" }], { foldAlef: false });
  assert.is(strict.lookup("اعلام النظام"), undefined);
  assert.is(strict.lookup("إعلام النظام")?.kind, "regime-media");
  assert.is(normalizeName("أَحمد"), "احمد");
  assert.is(normalizeName("أحمد", { foldAlef: false }), "أحمد");
});

function throwsAkhbar(fn: () => unknown, ...parts: string[]) {
  try {
    fn();
  } catch (error) {
    assert.instance(error, AkhbarError);
    for (const part of parts) assert.ok((error as Error).message.includes(part), `${(error as Error).message} lacks ${part}`);
    return error as AkhbarError;
  }
  assert.unreachable("expected an AkhbarError");
}

test("registry: bad data names the file, the entry index and the field", () => {
  const file = "_data/sources.json";
  const e = throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "activists" }, { name: "ب", kind: "rumours" }], { file }), file, "[1].kind", "rumours");
  assert.is(e?.file, file);
  assert.is(e?.field, "[1].kind");
  throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "media", url: "javascript:alert(1)" }], { file }), "[0].url", "javascript:");
  throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "media", url: " JaVa\nScript:alert(1)" }], { file }), "[0].url");
  throwsAkhbar(() => createSourceRegistry([{ name: "", kind: "media" }], { file }), "[0].name");
  throwsAkhbar(() => createSourceRegistry([{ kind: "media" }], { file }), "[0].name");
  throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "media", aliases: "ب" }], { file }), "[0].aliases");
  throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "media", aliases: [""] }], { file }), "[0].aliases[0]");
  throwsAkhbar(() => createSourceRegistry([{ name: "أ", kind: "media", description: 5 }], { file }), "[0].description");
  throwsAkhbar(() => createSourceRegistry(["ناشطون"], { file }), "[0]", "entry 0");
  throwsAkhbar(() => createSourceRegistry({ name: "x" }, { file }), file);
});

test("registry: duplicate names and aliases across entries are refused", () => {
  throwsAkhbar(
    () => createSourceRegistry([{ name: "ناشطون", kind: "activists" }, { name: "ناشطون", kind: "local" }], { file: "s.json" }),
    "s.json",
    "[1].name",
    "entry 0",
  );
  throwsAkhbar(
    () =>
      createSourceRegistry([
        { name: "ناشطون", kind: "activists", aliases: ["إعلام"] },
        { name: "إعلام النظام", kind: "regime-media", aliases: ["اعلام"] },
      ]),
    "[1].aliases[0]",
  );
  // An alias equal to its own name is harmless.
  assert.is(createSourceRegistry([{ name: "بيان", aliases: ["بيان"], kind: "statement" }]).entries.length, 1);
});

test("registry: the shipped _data/sources.json is valid and every kind has labels", () => {
  assert.ok(registry.entries.length >= 10);
  for (const kind of SOURCE_KINDS) {
    assert.ok(KIND_LABELS[kind].ar.length > 0 && KIND_LABELS[kind].en.length > 0, kind);
  }
  assert.is(kindLabel("regime-media", "en"), "Regime media");
  assert.is(kindLabel("regime-media", "ar"), "إعلام النظام");
  assert.is(listSourceKinds().length, SOURCE_KINDS.length);
});

test.run();
