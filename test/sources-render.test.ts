import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createSourceRegistry, renderAttribution, createWarnOnce } from "../plugin/sources/index.js";
import { AkhbarError } from "../plugin/errors.js";
import { markup } from "./helpers/assertions.js";

const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")), { file: "_data/sources.json" });
const pages = (e: { name: string }) => `/sources/${encodeURIComponent(e.name)}/`;

test("attribution: one <cite> per source in a <bdi>, joined with +", () => {
  const html = renderAttribution(["ناشطون", "إعلام النظام"], { registry });
  assert.is(
    html,
    '<span class="akhbar-attribution"><bdi dir="rtl">(' +
      '<cite class="akhbar-source akhbar-source--activists" data-kind="activists" title="ناشطون: ناشطون ميدانيون ينقلون ما يشاهدونه، ولا تتحقق الوكالة دائماً من رواياتهم بشكل مستقل.">ناشطون</cite>' +
      " + " +
      '<cite class="akhbar-source akhbar-source--regime-media" data-kind="regime-media" title="إعلام النظام: وكالات وقنوات تتبع للحكومة في دمشق.">إعلام النظام</cite>' +
      ")</bdi></span>",
  );
});

test("attribution: visible kind label unless the name already says it; English labels", () => {
  const html = renderAttribution(["Reuters", "مراسل الوكالة", "المرصد السوري"], { registry });
  assert.match(html, /Reuters<\/cite><small class="akhbar-kind" data-kind="media"><span class="akhbar-kind__sep">، <\/span>وسيلة إعلام<\/small>/);
  assert.not.match(html, /مراسل الوكالة<\/cite><small/); // kind "مراسل" is in the name
  assert.match(html, /المرصد السوري<\/cite><small class="akhbar-kind" data-kind="monitor">/);
  const en = renderAttribution(["Reuters"], { registry, lang: "en" });
  assert.match(en, /<bdi dir="ltr">/);
  assert.match(en, /title="News media: /);
  assert.match(en, /<span class="akhbar-kind__sep">, <\/span>News media<\/small>/);
  assert.not.match(renderAttribution(["Reuters"], { registry, showKind: false }), /akhbar-kind"/);
});

test("attribution: links to the source page when sourceUrl gives one; aliases resolve", () => {
  const html = renderAttribution(["الخوذ البيضاء"], { registry, sourceUrl: pages });
  assert.match(html, /data-kind="civil-defence"/);
  assert.match(html, /<a href="\/sources\/%D8%A7%D9%84%D8%AF%D9%81%D8%A7%D8%B9%20%D8%A7%D9%84%D9%85%D8%AF%D9%86%D9%8A\/">الخوذ البيضاء<\/a>/);
  const none = renderAttribution(["ناشطون"], { registry, sourceUrl: () => undefined });
  assert.not.match(none, /<a /);
});

test("attribution: unknown names are plain, reported once each, or an error in strict mode", () => {
  const unknown: string[] = [];
  const html = renderAttribution(["جهة مجهولة", "ناشطون", "جهة  مجهولة", "مصدر آخر"], {
    registry,
    sourceUrl: pages,
    onUnknown: (n) => unknown.push(n),
  });
  assert.equal(unknown, ["جهة مجهولة", "مصدر آخر"]);
  assert.match(html, /<cite class="akhbar-source akhbar-source--unknown">جهة مجهولة<\/cite>/);
  assert.is((html.match(/<a /g) ?? []).length, 1);
  try {
    renderAttribution(["ناشطون", "جهة مجهولة"], { registry, strict: true, file: "src/2020/03/kharbar.md" });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, AkhbarError);
    assert.match((error as Error).message, /src\/2020\/03\/kharbar\.md/);
    assert.match((error as Error).message, /جهة مجهولة/);
  }
});

test("attribution: createWarnOnce dedupes across calls", () => {
  const warned: string[] = [];
  const onUnknown = createWarnOnce((n) => warned.push(n));
  renderAttribution(["جهة مجهولة"], { registry, onUnknown });
  renderAttribution(["جهة مجهولة", "جهة ثانية"], { registry, onUnknown });
  assert.equal(warned, ["جهة مجهولة", "جهة ثانية"]);
});

test("attribution: empty input renders nothing", () => {
  assert.is(renderAttribution([], { registry }), "");
  assert.is(renderAttribution(["  "], { registry }), "");
  assert.is(renderAttribution(undefined), "");
});

const PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", "\u202Eناشطون"];

test("attribution: XSS payloads in names, registry descriptions and URLs are inert", () => {
  const evil = createSourceRegistry([
    { name: '"><img src=x onerror=alert(1)>', kind: "local", description: '"><script>alert(1)</script>' },
    { name: "<script>alert(1)</script>", kind: "media" },
  ]);
  for (const payload of PAYLOADS) {
    const html = renderAttribution([payload, '"><img src=x onerror=alert(1)>'], {
      registry: evil,
      sourceUrl: () => "javascript:alert(1)",
    });
    const { tags, attributes } = markup(html);
    for (const t of tags) assert.ok(["bdi", "cite", "small", "span"].includes(t), `tag ${t}`);
    for (const a of attributes) assert.ok(["class", "dir", "data-kind", "title"].includes(a), `attribute ${a}`);
    assert.not.match(html, /javascript:/);
    assert.not.match(html, /\u202E/);
  }
  const linked = renderAttribution(["<script>alert(1)</script>"], { registry: evil, sourceUrl: () => '/s/"onmouseover="x' });
  assert.match(linked, /href="\/s\/&quot;onmouseover=&quot;x"/);
});

test("attribution: describe: false keeps the kind in the tooltip and leaves the description out", () => {
  const html = renderAttribution(["إعلام النظام"], { registry, describe: false });
  assert.match(html, /title="إعلام النظام">إعلام النظام<\/cite>/);
  assert.not.match(html, /وكالات وقنوات/);
});

test.run();
