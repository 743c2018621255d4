// Hostile and broken input: one tiny fixture site per case under test/fixtures/hostile/. Each
// either builds with the content shown safely, or fails with a message naming the file and field.
// Built output is scanned for anything executable that the input injected.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, listFiles, read, REPO } from "../helpers/site.js";
import { decodeEntities, parseTags, URL_ATTRIBUTES, type Tag } from "./markup.js";
import { QUALITY_TMP } from "./sample.js";
import { validatePages } from "./validate.js";

const FIXTURES = join(REPO, "test", "fixtures", "hostile");
const build = (name: string) => buildSite(join(FIXTURES, name), join(QUALITY_TMP, `hostile-${name}`));

/** The failure message without stack lines (Eleventy prints "[11ty] …" lines). */
const message = (stderr: string) => stderr.split("\n").filter((l) => !/^\[11ty\]\s+at /.test(l)).join("\n");

const FAILING: [string, RegExp[]][] = [
  ["malformed-yaml", [/news\/bad\.md/, /field "front matter"/, /malformed YAML/]],
  ["missing-title", [/news\/bad\.md/, /field "title"/, /missing/]],
  ["missing-date", [/news\/bad\.md/, /field "date"/, /missing/]],
  ["impossible-date", [/news\/bad\.md/, /field "date"/, /2017-02-30/]],
  ["tags-string", [/news\/bad\.md/, /field "tags"/, /must be a list/]],
  ["unknown-source-strict", [/news\/bad\.md/, /sources/, /وكالة لا يعرفها أحد/]],
  ["ticker-javascript-url", [/_data\/breaking\.json/, /url/, /javascript:alert\(1\)/]],
  ["source-javascript-url", [/_data\/sources\.json/, /url/, /JavaScript:alert\(1\)/]],
];

for (const [name, patterns] of FAILING) {
  test(`${name}: the build fails with a message naming the file and the field`, () => {
    const result = build(name);
    assert.is.not(result.status, 0, `${name} should not build`);
    const text = message(result.stderr + result.stdout);
    for (const p of patterns) assert.match(text, p, `${name}: message matches ${p}\n${text.slice(0, 2000)}`);
    assert.not.match(text, /ENAMETOOLONG|TypeError|ReferenceError|Cannot read prop/, "no raw crash");
  });
}

test("an empty content folder builds an empty but valid site", async () => {
  const result = build("empty-content");
  assert.is(result.status, 0, message(result.stderr));
  const files = listFiles(result.output);
  for (const f of ["index.html", "404.html", "feed.xml", "sitemap.xml"]) assert.ok(files.includes(f), `missing ${f}`);
  assert.ok(!files.some((f) => f.startsWith("news/")), "no article pages");
  const errors = await validatePages(result.output, files.filter((f) => f.endsWith(".html")));
  assert.equal(errors, [], errors.join("\n"));
});

// ------------------------------------------------------------------ injection
const ON_ATTRIBUTE = /^on/;
const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html)/;
const THEME_SCRIPTS = /^\/(assets\/akhbar\.[0-9a-f]+\.js|pagefind\/)/;

/** Everything executable in one HTML document: scripts not written by the theme, on* handlers, script URLs, injected elements. */
export function executableInjections(html: string, where: string): string[] {
  const found: string[] = [];
  for (const tag of parseTags(html)) {
    const at = `${where} <${tag.name}> @${tag.offset}`;
    for (const [attr, value] of tag.attrs) {
      if (ON_ATTRIBUTE.test(attr)) found.push(`${at}: event handler ${attr}="${value.slice(0, 40)}"`);
      const url = value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
      if ((URL_ATTRIBUTES.includes(attr) || attr === "srcset") && DANGEROUS_URL.test(url)) found.push(`${at}: ${attr}="${value.slice(0, 40)}"`);
    }
    if (["iframe", "object", "embed", "base", "svg", "img", "form"].includes(tag.name) && !isThemeElement(tag)) {
      found.push(`${at}: injected element`);
    }
    if (tag.name === "meta" && /refresh/i.test(tag.attrs.get("http-equiv") ?? "")) found.push(`${at}: meta refresh`);
    if (tag.name === "script") {
      const type = tag.attrs.get("type") ?? "";
      if (type === "application/ld+json") {
        try {
          JSON.parse(tag.text ?? "");
        } catch {
          found.push(`${at}: JSON-LD block broken (a payload closed the script?)`);
        }
      } else if (!THEME_SCRIPTS.test(tag.attrs.get("src") ?? "") || (tag.text ?? "").trim() !== "") {
        found.push(`${at}: script ${tag.attrs.get("src") ?? (tag.text ?? "").slice(0, 40)}`);
      }
    }
  }
  return found;
}

/** Elements of these kinds that the theme writes itself (the header search form when search is on). */
function isThemeElement(tag: Tag): boolean {
  return tag.name === "form" && tag.attrs.get("action") === "/search/";
}

const PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"];

test("injection: titles, tags, sources, editors and ticker items with markup, javascript: URLs, U+202E and 10,000 characters build safely", async () => {
  const result = build("injection");
  assert.is(result.status, 0, message(result.stderr).slice(0, 3000));
  const out = result.output;
  const files = listFiles(out);
  const found: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) found.push(...executableInjections(read(out, file), file));
  // Feeds carry article HTML escaped inside XML: no raw markup from the payloads, and the embedded
  // HTML (once unescaped) is as clean as the pages.
  for (const file of files.filter((f) => f.endsWith(".xml"))) {
    const xml = read(out, file);
    for (const p of PAYLOADS) if (xml.includes(p)) found.push(`${file}: raw payload ${p}`);
    // RSS <description> is HTML; Atom <content>/<summary> only with type="html" (else plain text).
    for (const m of xml.matchAll(/<(description|content|summary)([^>]*)>([\s\S]*?)<\/\1>/g)) {
      if (m[1] !== "description" && !/type="(html|xhtml)"/.test(m[2])) continue;
      found.push(...executableInjections(decodeEntities(m[3]), `${file} <${m[1]}>`));
    }
  }
  const feed = JSON.parse(read(out, "feed.json"));
  for (const item of feed.items) found.push(...executableInjections(item.content_html ?? "", `feed.json ${item.id}`));
  assert.equal(found, [], `executable injections:\n${found.slice(0, 30).join("\n")}`);

  // Shown safely: the text is there, escaped, and the override character is gone.
  const scriptPage = read(out, "news/script/index.html");
  assert.match(scriptPage, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; عنوان فيه سكربت<\/h1>/);
  const attrPage = read(out, "news/attribute/index.html");
  assert.ok(decodeEntities(attrPage).includes('"><img src=x onerror=alert(1)>'), "the attribute payload is shown as text");
  const override = read(out, "news/override/index.html");
  assert.not.ok(override.includes("\u202e"), "U+202E never reaches the page");
  assert.ok(override.includes("عكس الاتجاه"));
  const long = read(out, "news/long/index.html");
  assert.ok(long.includes(`خبر${"ط".repeat(9998)}ل`), "the 10,000-character title is shown whole");
  const home = read(out, "index.html");
  assert.ok(decodeEntities(home).includes("<script>alert(1)</script> عاجل"), "the ticker item is shown as text");
  // A javascript: link in a body is not a link (markdown-it refuses it).
  assert.not.match(read(out, "news/javascript/index.html"), /href="javascript:/i);
  // Long names got folder names a file system accepts, and every page is still valid HTML.
  for (const f of files) for (const part of f.split("/")) assert.ok(Buffer.byteLength(part) <= 255, `${f.slice(0, 80)}…`);
  const errors = await validatePages(out, files.filter((f) => f.endsWith(".html")));
  assert.equal(errors, [], errors.slice(0, 20).join("\n"));
});

test("the scanner finds what it must (self-check on known-bad markup)", () => {
  const bad = [
    '<p><img src=x onerror=alert(1)></p>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<script>alert(1)</script>",
    '<div title="x"><svg/onload=alert(1)></div>',
    '<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>',
  ];
  for (const html of bad) assert.ok(executableInjections(html, "t").length > 0, html);
  const good = '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/assets/akhbar.0123456789.js" defer></script>';
  assert.equal(executableInjections(good, "t"), []);
});

test.run();
