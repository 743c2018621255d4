import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { DateTime } from "luxon";
import { renderTicker, formatClock } from "../plugin/ticker/index.js";
import { createSourceRegistry } from "../plugin/sources/index.js";
import { AkhbarError } from "../plugin/errors.js";
import { markup } from "./helpers/assertions.js";

const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")), { file: "_data/sources.json" });

const ITEMS = [
  { text: "وصول قافلة مساعدات إلى معبر باب الهوى", sources: ["الأمم المتحدة"], time: "2020-03-29T09:50:00+03:00" },
  { text: "افتتاح مخبز آلي في سرمدا", sources: ["مصادر محلية"], time: "2020-03-29T13:05:00+03:00", url: "/news/1/" },
  { text: "انقطاع المياه عن أحياء في الحسكة", sources: ["ناشطون", "إعلام النظام"], time: "2020-03-29T12:40:00+03:00" },
];

const lists = (html: string): string[] => Array.from(html.match(/<ul[^>]*>.*?<\/ul>/g) ?? []);

test("ticker: labelled region, heading, real list, newest first", () => {
  const html = renderTicker(ITEMS, { registry });
  assert.match(html, /^<section class="akhbar-ticker" aria-labelledby="akhbar-ticker-title" lang="ar" dir="rtl" data-akhbar-ticker/);
  assert.match(html, /<h2 class="akhbar-ticker__title" id="akhbar-ticker-title">الأخبار العاجلة<\/h2>/);
  const [list] = lists(html);
  const texts = [...list.matchAll(/class="akhbar-ticker__text"[^>]*>([^<]*)</g)].map((m) => m[1]);
  assert.equal(texts, ["افتتاح مخبز آلي في سرمدا", "انقطاع المياه عن أحياء في الحسكة", "وصول قافلة مساعدات إلى معبر باب الهوى"]);
  assert.match(list, /<a class="akhbar-ticker__text" href="\/news\/1\/">/);
  assert.match(list, /\(<cite class="akhbar-source akhbar-source--activists"[^>]*>ناشطون<\/cite> \+ <cite/);
});

test("ticker: <time> carries the instant, shows HH:MM in the site zone and digit set", () => {
  const html = renderTicker(ITEMS.slice(1, 2), { registry });
  assert.match(html, /<time datetime="2020-03-29T10:05:00Z">13:05<\/time>/);
  // Damascus was already on summer time (+03:00) on 29 March 2020, and on +02:00 in January.
  const utc = renderTicker(ITEMS.slice(1, 2), { registry, timeZone: "UTC", digits: "arab" });
  assert.match(utc, /<time datetime="2020-03-29T10:05:00Z">١٠:٠٥<\/time>/);
  const winter = renderTicker([{ text: "خبر", time: "2020-01-15T08:00:00Z" }], { timeZone: "Asia/Damascus" });
  assert.match(winter, />10:00<\/time>/);
  // Date and luxon inputs; a local time without offset is read in the site zone.
  assert.match(renderTicker([{ text: "خبر", time: new Date("2020-01-15T23:30:00Z") }]), />01:30<\/time>/);
  assert.match(renderTicker([{ text: "خبر", time: DateTime.fromISO("2020-01-15T23:30:00Z") }]), />01:30<\/time>/);
  assert.match(renderTicker([{ text: "خبر", time: "2020-01-15T07:45" }]), /datetime="2020-01-15T05:45:00Z">07:45</);
  assert.is(formatClock(new Date("2020-06-01T21:00:00Z"), "Asia/Damascus"), "00:00");
});

test("ticker: one list in the HTML (ticker.js makes the loop copy), no tabindex, no aria-live", () => {
  const html = renderTicker(ITEMS, { registry, sourceUrl: (e) => e.url });
  const found = lists(html);
  assert.is(found.length, 1);
  assert.not.match(html, /akhbar-ticker__list--copy/);
  assert.not.match(html, /tabindex/);
  assert.not.match(html, /aria-live/);
  assert.match(html, /aria-labelledby="akhbar-ticker-title"/);
});

test("ticker: the pause button is rendered hidden (ticker.js shows it) with both labels", () => {
  const html = renderTicker(ITEMS, { registry });
  assert.match(html, /<button type="button" class="akhbar-ticker__toggle" hidden data-label-pause="إيقاف مؤقت" data-label-play="تشغيل">إيقاف مؤقت<\/button>/);
  const en = renderTicker(ITEMS, { registry, lang: "en" });
  assert.match(en, /lang="en" dir="ltr"/);
  assert.match(en, />Breaking news<\/h2>/);
  assert.match(en, /data-label-play="Play">Pause<\/button>/);
  assert.match(renderTicker(ITEMS, { label: "عاجل", id: "bar-2" }), /aria-labelledby="bar-2".*<h2 class="akhbar-ticker__title" id="bar-2">عاجل<\/h2>/);
});

test("ticker: 0 items -> nothing; 1 item -> static, no copy, no button", () => {
  assert.is(renderTicker([]), "");
  assert.is(renderTicker(undefined), "");
  assert.is(renderTicker(ITEMS, { limit: 0 }), "");
  const one = renderTicker(ITEMS.slice(0, 1), { registry });
  assert.match(one, /class="akhbar-ticker akhbar-ticker--static"/);
  assert.is(lists(one).length, 1);
  assert.not.match(one, /<button/);
});

test("ticker: 200 items render fast; limit keeps the newest; speed and duration", () => {
  const many = Array.from({ length: 200 }, (_, i) => ({
    text: `خبر رقم ${i}`,
    time: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
  }));
  const started = performance.now();
  const html = renderTicker(many, { speed: 80 });
  const ms = performance.now() - started;
  assert.ok(ms < 200, `${ms} ms`);
  assert.is((lists(html)[0].match(/<li /g) ?? []).length, 200);
  assert.match(html, /data-speed="80"/);
  assert.match(html, /--akhbar-ticker-duration: \d+s/);
  const limited = renderTicker(many, { limit: 3 });
  assert.equal([...lists(limited)[0].matchAll(/خبر رقم (\d+)/g)].map((m) => m[1]), ["199", "198", "197"]);
  assert.match(renderTicker(many, { speed: -5 }), /data-speed="60"/);
});

test("ticker: items without time go last; bad items throw AkhbarError naming the field", () => {
  const html = renderTicker([{ text: "بلا وقت" }, ...ITEMS]);
  assert.match(lists(html)[0], /وصول قافلة[^]*بلا وقت/);
  const item = lists(html)[0].split("</li>").find((li) => li.includes("بلا وقت"))!;
  assert.not.match(item, /<time/);
  const bad = (items: unknown, part: string, options = {}) => {
    try {
      renderTicker(items, { file: "_data/breaking.json", ...options });
      assert.unreachable();
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, part);
    }
  };
  bad([{ text: "خبر", time: "أمس" }], '[0].time');
  bad([{ text: "خبر", time: "أمس" }], "_data/breaking.json");
  bad([ITEMS[0], { time: "2020-01-01T00:00:00Z" }], "[1].text");
  bad(["نص"], "[0]");
  bad(ITEMS, "Mars/Olympus", { timeZone: "Mars/Olympus" });
});

test("ticker: strict sources propagate to the attribution", () => {
  assert.throws(() => renderTicker([{ text: "خبر", sources: ["جهة مجهولة"] }], { registry, strict: true, file: "_data/breaking.json" }), /جهة مجهولة/);
  const unknown: string[] = [];
  renderTicker([{ text: "خبر", sources: ["جهة مجهولة"] }], { registry, onUnknown: (n) => unknown.push(n) });
  assert.equal(unknown, ["جهة مجهولة"]);
});

test("ticker: valid HTML (html-validate recommended rules)", () => {
  const html = renderTicker(ITEMS, { registry, sourceUrl: (e) => e.url });
  const report = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: { "no-inline-style": "off" },
  }).validateStringSync(html);
  assert.equal(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
});

const PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "\u202Eعاجل"];

test("ticker: XSS payloads in text, url, sources, label and id are inert", () => {
  for (const payload of PAYLOADS) {
    const html = renderTicker(
      [
        { text: payload, url: "javascript:alert(1)", sources: [payload], time: "2020-01-01T10:00:00Z" },
        { text: "خبر", url: ` JaVaScRiPt:alert(1)`, sources: ["ناشطون"], time: "2020-01-01T09:00:00Z" },
        { text: "خبر", url: 'https://example.org/"onmouseover="x', time: "2020-01-01T08:00:00Z" },
      ],
      { registry, label: payload, id: payload, sourceUrl: () => "javascript:alert(1)" },
    );
    const { tags, attributes } = markup(html);
    for (const t of tags) assert.ok(["section", "div", "h2", "button", "ul", "li", "a", "span", "bdi", "cite", "small", "time"].includes(t), `tag ${t}`);
    for (const a of attributes) {
      assert.ok(
        ["class", "aria-labelledby", "aria-hidden", "inert", "lang", "dir", "id", "data-akhbar-ticker", "data-speed", "data-pagefind-ignore", "style",
          "type", "hidden", "data-label-pause", "data-label-play", "href", "tabindex", "data-kind", "title", "datetime"].includes(a),
        `attribute ${a}`,
      );
    }
    assert.not.match(html, /javascript:/i);
    assert.not.match(html, /\u202E/);
    assert.match(html, /href="https:\/\/example.org\/&quot;onmouseover=&quot;x"/);
  }
});

test.run();
