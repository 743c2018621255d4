import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createEditorRegistry, editorNames, renderByline } from "../plugin/byline/index.js";
import { AkhbarError } from "../plugin/errors.js";

const editors = createEditorRegistry(JSON.parse(readFileSync("_data/editors.json", "utf8")), { file: "_data/editors.json" });
const page = (name: string) => `/editors/${encodeURIComponent(name)}/`;

test("byline: one editor, Arabic label, linked", () => {
  assert.is(
    renderByline("رامي الخطيب", { registry: editors, editorUrl: page }),
    '<p class="akhbar-byline"><span class="akhbar-byline__label">تحرير:</span> <a href="/editors/%D8%B1%D8%A7%D9%85%D9%8A%20%D8%A7%D9%84%D8%AE%D8%B7%D9%8A%D8%A8/" rel="author"><bdi>رامي الخطيب</bdi></a></p>',
  );
});

test("byline: several editors joined with the Arabic comma; English label and comma", () => {
  const ar = renderByline(["سلمى الأحمد", "يوسف الحلبي"], { registry: editors });
  assert.is(
    ar,
    '<p class="akhbar-byline"><span class="akhbar-byline__label">تحرير:</span> <span class="akhbar-byline__name"><bdi>سلمى الأحمد</bdi></span>، <span class="akhbar-byline__name"><bdi>يوسف الحلبي</bdi></span></p>',
  );
  const en = renderByline("سلمى الأحمد، يوسف الحلبي", { lang: "en", editorUrl: page });
  assert.match(en, /^<p class="akhbar-byline"><span class="akhbar-byline__label">Editing:<\/span> <a /);
  assert.match(en, /<\/a>, <a /);
});

test("byline: registry normalises spelling to the canonical name; unknown editors are reported", () => {
  const unknown: string[] = [];
  const html = renderByline(["  رامي   الخطيب ", "محرر ضيف"], { registry: editors, editorUrl: page, onUnknown: (n) => unknown.push(n) });
  assert.match(html, /<bdi>رامي الخطيب<\/bdi>/);
  assert.equal(unknown, ["محرر ضيف"]);
  assert.is(editors.lookup("ليلى  عثمان")?.role, "محررة التحقيقات");
});

test("byline: empty input renders nothing; names are deduplicated", () => {
  assert.is(renderByline(undefined), "");
  assert.is(renderByline([]), "");
  assert.is(renderByline(" ، "), "");
  assert.equal(editorNames(["أ", "أ", 5, "ب"]), ["أ", "ب"]);
});

test("editor registry: bad data names file, index and field", () => {
  const cases: [unknown, string][] = [
    [[{ name: "" }], "[0].name"],
    [[{ name: "أ" }, { name: "ب", role: 3 }], "[1].role"],
    [[{ name: "أ", aliases: "ب" }], "[0].aliases"],
    [[{ name: "أ" }, { name: "أ" }], "[1].name"],
    [["أ"], "[0]"],
    [{}, "editors"],
  ];
  for (const [data, field] of cases) {
    try {
      createEditorRegistry(data, { file: "_data/editors.json" });
      assert.unreachable(field);
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, "_data/editors.json");
      assert.is((error as AkhbarError).field, field);
    }
  }
});

test("byline: XSS payloads in names and URLs are inert", () => {
  for (const payload of ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "\u202Eرامي"]) {
    const html = renderByline([payload], { editorUrl: () => "javascript:alert(1)" });
    assert.not.match(html, /<script|<img|javascript:|\u202E/i);
    const quoted = renderByline([payload], { editorUrl: () => '/e/"onclick="x' });
    assert.match(quoted, /href="\/e\/&quot;onclick=&quot;x"/);
    assert.is((quoted.match(/<[a-z]+/g) ?? []).join(","), "<p,<span,<a,<bdi");
  }
});

test.run();
