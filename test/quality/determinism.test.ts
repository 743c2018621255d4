// Two builds of the same input are byte-identical, so hosts can sync only what changed. The one
// documented build-time stamp (docs/quality.md) is SOURCE_DATE_EPOCH (else the clock): it shows in
// the home page's date line and selects the Google News sitemap's articles. The second build runs
// with another TZ, locale and output path, which must not leak into the files either.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, listFiles, REPO } from "../helpers/site.js";
import { EPOCH, QUALITY_TMP, sampleSite } from "./sample.js";

/** Files that depend on the build time, plus Pagefind's index (rebuilt from the pages). */
const STAMPED = ["index.html", "news-sitemap.xml"];
const isSearchIndex = (f: string) => f.startsWith("pagefind/");

/** Paths present in only one tree, or with different bytes. */
function differences(a: string, b: string): string[] {
  const left = listFiles(a);
  const right = listFiles(b);
  const all = [...new Set([...left, ...right])].sort();
  return all.filter((f) => !left.includes(f) || !right.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

test("the same input and SOURCE_DATE_EPOCH give byte-identical trees (other TZ, locale and output folder)", () => {
  const first = sampleSite();
  const second = buildSite(REPO, join(QUALITY_TMP, "determinism-again"), {
    SOURCE_DATE_EPOCH: EPOCH,
    TZ: "Pacific/Kiritimati",
    LANG: "en_US.UTF-8",
    LC_ALL: "C",
  });
  assert.is(second.status, 0, second.stderr);
  const diff = differences(first.out, second.output);
  assert.equal(diff, [], `files that differ between two identical builds:\n${diff.slice(0, 30).join("\n")}`);
  assert.ok(first.files.length > 200, `${first.files.length} files compared`);
});

test("another SOURCE_DATE_EPOCH changes only the documented stamp: the home page and the news sitemap", () => {
  const first = sampleSite();
  const later = buildSite(REPO, join(QUALITY_TMP, "determinism-later"), { SOURCE_DATE_EPOCH: String(Number(EPOCH) + 400 * 86_400) });
  assert.is(later.status, 0, later.stderr);
  const diff = differences(first.out, later.output);
  assert.equal(diff.filter((f) => !isSearchIndex(f)), STAMPED, "only the stamped files differ");
  // The stamp really is the build time: the news sitemap lists the newest article only in the first.
  const news = (dir: string) => (readFileSync(join(dir, "news-sitemap.xml"), "utf8").match(/<url>/g) ?? []).length;
  assert.ok(news(first.out) >= 1, "news sitemap of a build the day after the newest article lists it");
  assert.is(news(later.output), 0, "400 days later the news sitemap is empty");
});

test.run();
