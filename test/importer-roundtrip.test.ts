/**
 * Never lose content: import the saved-page fixtures into a temp site folder, render each article
 * body the way the theme does (markdown-it, html: true) and check, line by line against the RAW
 * saved page (not through parsePage), that every non-empty line survives unchanged:
 *   - the headline is the article's title;
 *   - every ticker item is in the ticker data file, and the ticker line holds nothing but those
 *     items, their attributions and times;
 *   - the editor line's names are the article's editor;
 *   - every other line appears, unchanged, in the rendered body, and the body holds nothing else
 *     (only <p> elements, whose text lines are exactly those lines, in order).
 * Then the same check on the BUILT site: the imported folder is built with the theme, and every
 * line is looked for in the written HTML (article pages and the breaking-news log).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import markdownIt from "markdown-it";
import { load } from "js-yaml";
import { runImport } from "../plugin/importer/run.js";
import { buildSite, listFiles } from "./helpers/site.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "fixtures", "pages");
const dir = join(here, ".tmp", "akh-rt"); // a name no test pattern matches (uvu scans test/.tmp too)
const PAGES = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).sort();
const md = markdownIt({ html: true });

const HEADER = "الأخبار العاجلة";
const AVATAR = "pictogram-avatar";
const EDITOR = /^(Editing|تحرير)\s*:/;

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function rawLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map((l) => l.trim());
}

interface Item {
  text: string;
  sources: string[];
  time: string;
  seenOn?: string[];
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "pages"), { recursive: true });
for (const f of PAGES) {
  copyFileSync(join(fixtures, f), join(dir, "pages", f));
  utimesSync(join(dir, "pages", f), new Date("2021-04-05T07:00:00Z"), new Date("2021-04-05T07:00:00Z"));
}
const summary = runImport({ inputs: ["pages"], out: "src/articles", cwd: dir });
const ticker = JSON.parse(readFileSync(join(dir, "_data/breaking.json"), "utf8")) as Item[];

test("every fixture imports", () => {
  assert.equal(summary.counts, { imported: PAGES.length, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
});

for (const name of PAGES) {
  test(`${name}: every non-empty line is kept, unchanged, and nothing is added`, () => {
    const lines = rawLines(readFileSync(join(fixtures, name), "utf8"));
    const article = readFileSync(join(dir, "src/articles", name.replace(/\.txt$/, ".md")), "utf8");
    const m = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(article);
    assert.ok(m, "front matter");
    const front = load(m![1]) as { title: string; editor?: string | string[] };
    const html = md.render(m![2]);

    // Ticker lines: right after the header line, before the first blank line.
    const tickerLines: string[] = [];
    let i = 0;
    if (lines[0] === HEADER) for (i = 1; lines[i]; i++) tickerLines.push(lines[i]);
    const items = ticker.filter((item) => item.seenOn?.includes(name));
    for (const line of tickerLines) {
      let rest = line;
      for (const item of items) {
        assert.ok(rest.includes(item.text), `ticker item ${JSON.stringify(item.text)} comes from the line`);
        rest = rest.replace(item.text, " ");
        for (const source of item.sources) rest = rest.replace(source, " ");
      }
      // What is left is punctuation and times only.
      assert.match(rest, /^[\s()\-+،,:0-9\u0660-\u0669]*$/, `ticker leftovers ${JSON.stringify(rest)}`);
    }
    assert.is(items.length > 0, tickerLines.length > 0, "items iff ticker line");

    // Everything after the ticker block.
    const bodyLines: string[] = [];
    let sawTitle = false;
    for (const line of lines.slice(i)) {
      if (line === "") continue;
      if (!sawTitle && line === front.title) {
        sawTitle = true;
        continue;
      }
      if (line === AVATAR) continue;
      if (EDITOR.test(line)) {
        const editors = front.editor === undefined ? [] : ([] as string[]).concat(front.editor);
        assert.ok(editors.length > 0, "editor names in front matter");
        for (const editor of editors) assert.ok(line.includes(editor), `${editor} is in ${line}`);
        continue;
      }
      bodyLines.push(line);
    }
    assert.ok(sawTitle, `the headline is the title: ${front.title}`);

    // The body: only paragraphs, whose text lines are exactly the remaining lines.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((t) => t[1]));
    assert.equal([...tags], bodyLines.length > 0 ? ["p"] : []);
    const rendered = unescapeHtml(html.replace(/<\/?p>/g, "\n"))
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    assert.equal(rendered, bodyLines);
  });
}

test("the built site shows every line of every imported page, unchanged, and nothing else in the body", () => {
  writeFileSync(
    join(dir, "eleventy.config.js"),
    `import akhbar from "eleventy-plugin-akhbar";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(akhbar, { theme: true, search: false, site: { title: "استيراد", url: "https://import.example" } });
}
export const config = { dir: { input: "src", data: "../_data" } };
`,
  );
  const out = join(dir, "_site");
  const result = buildSite(dir, out);
  assert.is(result.status, 0, result.stderr);
  const files = listFiles(out);
  const stream = files.filter((f) => f.startsWith("breaking/")).map((f) => unescapeHtml(readFileSync(join(out, f), "utf8"))).join("\n");
  const text = (html: string) => unescapeHtml(html.replace(/<\/?time[^>]*>/g, "")).trim();
  for (const name of PAGES) {
    const lines = rawLines(readFileSync(join(fixtures, name), "utf8"));
    const page = readFileSync(join(out, "articles", name.replace(/\.txt$/, ""), "index.html"), "utf8");
    const title = text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)![1]);
    const body = /<div class="article__body" dir="auto">([\s\S]*?)\n  <\/div>/.exec(page)![1].trim();
    // the body holds paragraphs (and the dates plugin's <time>), nothing else
    const tags = new Set([...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((t) => t[1]));
    for (const tag of tags) assert.ok(tag === "p" || tag === "time", `${name}: unexpected <${tag}> in the body`);
    const paragraphs = text(body.replace(/<\/?p>/g, "\n")).split("\n").map((l) => l.trim()).filter(Boolean);
    let i = lines[0] === HEADER ? lines.indexOf("", 1) : 0;
    if (lines[0] === HEADER) {
      for (const item of ticker.filter((it) => it.seenOn?.includes(name))) {
        assert.ok(stream.includes(item.text), `${name}: ticker item ${JSON.stringify(item.text)} is in the breaking-news log`);
      }
    }
    const rest = lines.slice(i < 0 ? lines.length : i).filter((l) => l !== "" && l !== AVATAR && !EDITOR.test(l));
    assert.is(rest[0], title, `${name}: the headline`);
    assert.equal(paragraphs, rest.slice(1), `${name}: the paragraphs, in order, and nothing else`);
  }
});

test.run();
