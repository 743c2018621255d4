/**
 * The daily update: an incremental build after adding (and then removing) articles writes only
 * what changed, and its output is byte-identical to a fresh full build of the same input.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, listFiles, REPO, TMP } from "./helpers/site.js";

const SITE = join(TMP, "incremental-site");
const OUT = join(SITE, "_site");
const FRESH = join(TMP, "incremental-fresh");

/** A copy of the sample site (config, content, data, layouts) that the test may change. */
function copySample(): void {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  for (const name of ["src", "_data", "_includes"]) cpSync(join(REPO, name), join(SITE, name), { recursive: true });
  writeFileSync(
    join(SITE, "eleventy.config.js"),
    readFileSync(join(REPO, ".eleventy.js"), "utf8"),
  );
}

/** Build incrementally into the site's own _site (kept between builds). */
function incremental(env: Record<string, string> = {}): string {
  const result = buildSite(SITE, OUT, { AKHBAR_INCREMENTAL: "1", ...env }, undefined, { keepOutput: true });
  assert.is(result.status, 0, result.stderr);
  return result.stdout + result.stderr;
}

function sameTrees(a: string, b: string): void {
  const left = listFiles(a);
  const right = listFiles(b);
  assert.equal(left, right, "same files");
  const differing = left.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  assert.equal(differing, [], "byte-identical files");
}

/** The ticker bar of a page (it must have one). */
function tickerOf(html: string): string {
  const bar = /<section class="akhbar-ticker[\s\S]*?<\/section>/.exec(html);
  assert.ok(bar, "page has a ticker");
  return bar![0];
}

function addArticles(count: number): string[] {
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const file = join(SITE, "src", "news", "2021", `12-0${i}-added-${i}.md`);
    writeFileSync(
      file,
      `---\ntitle: "خبر مضاف رقم ${i}"\ndate: 2021-12-0${i}T0${i}:15:00+03:00\neditor: رامي الخطيب\nsources: [ناشطون]\ntags: [إدلب, مياه]\n${i === 1 ? "breaking: true\n" : ""}---\n\nنص الخبر المضاف رقم ${i} يوم ${i} كانون الأول 2021.\n`,
    );
    files.push(file);
  }
  return files;
}

test("an incremental build after adding articles equals a full build, and renders only what changed", () => {
  copySample();
  const first = incremental();
  const all = Number(/rendering (\d+) of (\d+) pages/.exec(first)![2]);
  // The home page's archive pages (/page/N/, full chunks counted from the oldest): their ticker
  // stands at their own newest article, so new articles (and news) leave them as they are.
  const chunks = listFiles(OUT).filter((f) => /^page\/\d+\/index\.html$/.test(f));
  assert.ok(chunks.length >= 2, `home archive pages: ${chunks.join(", ")}`);
  const before = chunks.map((f) => readFileSync(join(OUT, f), "utf8"));
  const added = addArticles(3);
  const update = incremental();
  const [, rendered, total] = /rendering (\d+) of (\d+) pages/.exec(update)!.map(Number);
  // 3 articles, 3 day pages, 1 month page, 1 Hijri month page, 1 Hijri year page (1443)
  assert.is(total, all + 9, `pages now ${total}`);
  assert.ok(rendered < total / 3, `rendered ${rendered} of ${total}`);
  assert.is(buildSite(SITE, FRESH).status, 0);
  sameTrees(OUT, FRESH);
  assert.equal(chunks.map((f) => readFileSync(join(OUT, f), "utf8")), before, "home archive pages unchanged");
  assert.match(tickerOf(readFileSync(join(OUT, "index.html"), "utf8")), /خبر مضاف رقم 1/, "the home page's ticker has the new breaking item");
  for (const html of before) assert.not.match(tickerOf(html), /خبر مضاف رقم/, "its archive pages' tickers do not");
  // the new articles are in the home page, their day/month archives, their tag pages and feeds
  const home = readFileSync(join(OUT, "index.html"), "utf8");
  assert.match(home, /خبر مضاف رقم 3/);
  assert.match(readFileSync(join(OUT, "archive/2021/12/02/index.html"), "utf8"), /خبر مضاف رقم 2/);
  assert.match(readFileSync(join(OUT, "archive/2021/12/index.html"), "utf8"), /خبر مضاف رقم 1/);
  assert.match(readFileSync(join(OUT, "tags/مياه/index.html"), "utf8"), /خبر مضاف رقم 2/);
  assert.match(readFileSync(join(OUT, "feed.xml"), "utf8"), /خبر مضاف رقم 3/);
  assert.match(readFileSync(join(OUT, "tags/إدلب/feed.xml"), "utf8"), /خبر مضاف رقم 1/);

  // removing them again deletes their pages and empty folders: equal to a fresh build again
  for (const file of added) rmSync(file);
  const again = incremental();
  assert.match(again, /deleted \d+ stale/);
  assert.is(buildSite(SITE, FRESH).status, 0);
  sameTrees(OUT, FRESH);
});

test("with nothing changed, an incremental build renders nothing; a day later, only the home page", () => {
  const same = incremental();
  assert.is(Number(/rendering (\d+) of/.exec(same)![1]), 0);
  const nextDay = incremental({ SOURCE_DATE_EPOCH: String(1700000000 + 86400) });
  assert.is(Number(/rendering (\d+) of/.exec(nextDay)![1]), 1, "only the home page (today's date line)");
});

test("unchanged pages whose files were deleted from the output are rendered again, with and without the writer thread", () => {
  incremental(); // settles the home page's date line after the test before
  for (const env of [{}, { AKHBAR_WRITE_THREAD: "0" }]) {
    const lost = ["index.html", "page/1/index.html", "tags/مياه/index.html", "feed.xml", "sitemap.xml"];
    const article = listFiles(OUT).find((f) => f.startsWith("news/") && f.endsWith("/index.html"))!;
    lost.push(article);
    const before = lost.map((f) => readFileSync(join(OUT, f)));
    for (const f of lost) rmSync(join(OUT, f));
    const log = incremental(env);
    assert.match(log, /rendering 0 of/, "no fingerprint changed");
    assert.match(log, new RegExp(`${lost.length} unchanged pages were missing`));
    assert.equal(lost.map((f) => readFileSync(join(OUT, f))), before, "restored byte for byte");
    assert.match(incremental(env), /rendering 0 of \d+ pages/);
  }
});

test.run();
