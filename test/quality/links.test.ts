// Every reference inside the built sample archive resolves to a built file: href/src/srcset/
// action of every element of every page (pagination and the hashed CSS/JS included), fragments
// (#id) to an element of the target page, url() in the built CSS (the self-hosted fonts), and
// every absolute site URL in feeds, sitemaps, robots.txt, JSON feed and JSON-LD.
// (theme.test.ts checks double-quoted href/src of pages; this gate covers everything else.)
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileForUrl, read, REPO } from "../helpers/site.js";
import { parseTags, urlsOf } from "./markup.js";
import { htmlPages, sampleSite, urlOf } from "./sample.js";

const SITE_URL: string = JSON.parse(readFileSync(join(REPO, "_data", "site.json"), "utf8")).url.replace(/\/+$/, "");

/** A reference that points outside the site (another host or scheme): not this gate's business. */
function isExternal(raw: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? !raw.startsWith(`${SITE_URL}/`) && raw !== SITE_URL : raw.startsWith("//");
}

/** Resolve `raw` against the page; returns the site path and fragment, or undefined for external references. */
function resolveRef(raw: string, pageUrl: string): { path: string; fragment: string } | undefined {
  if (raw === "" || isExternal(raw)) return undefined;
  const url = new URL(raw.startsWith(SITE_URL) ? raw.slice(SITE_URL.length) || "/" : raw, `http://site${pageUrl}`);
  return { path: url.pathname, fragment: decodeURIComponent(url.hash.slice(1)) };
}

const idCache = new Map<string, Set<string>>();
function idsOf(out: string, file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set(parseTags(readFileSync(file, "utf8")).flatMap((t) => [t.attrs.get("id")].filter((v): v is string => !!v)));
    idCache.set(file, ids);
  }
  return ids;
}

let checked = { html: 0, fragments: 0, css: 0, text: 0 };

test("every href/src/srcset/action of every page resolves, and every #fragment names an element", () => {
  const { out, files } = sampleSite();
  const broken: string[] = [];
  for (const page of htmlPages(files)) {
    const pageUrl = urlOf(page);
    for (const tag of parseTags(read(out, page))) {
      for (const raw of urlsOf(tag)) {
        const ref = resolveRef(raw, pageUrl);
        if (!ref) continue;
        checked.html++;
        const target = fileForUrl(out, ref.path);
        if (!target) {
          broken.push(`${page}: <${tag.name}> ${raw}`);
          continue;
        }
        if (ref.fragment && target.endsWith(".html")) {
          checked.fragments++;
          if (!idsOf(out, target).has(ref.fragment)) broken.push(`${page}: <${tag.name}> ${raw} (no element with that id)`);
        }
      }
    }
  }
  assert.equal(broken, [], `${broken.length} broken references:\n${broken.slice(0, 30).join("\n")}`);
  assert.ok(checked.html > 5000, `${checked.html} references checked`);
  assert.ok(checked.fragments > 100, `${checked.fragments} fragments checked (the skip link on every page)`);
});

test("every url() in the built CSS resolves (the self-hosted fonts)", () => {
  const { out, files } = sampleSite();
  const css = files.filter((f) => f.endsWith(".css") && !f.startsWith("pagefind/"));
  assert.ok(css.length >= 1);
  const broken: string[] = [];
  const fonts = new Set<string>();
  for (const file of css) {
    for (const m of read(out, file).matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const ref = resolveRef(m[2], urlOf(file));
      if (!ref || m[2].startsWith("data:")) continue;
      checked.css++;
      if (!fileForUrl(out, ref.path)) broken.push(`${file}: ${m[2]}`);
      if (ref.path.endsWith(".woff2")) fonts.add(ref.path);
    }
  }
  assert.equal(broken, []);
  assert.ok(fonts.size >= 1, "the CSS loads at least one self-hosted woff2");
});

test("every site URL in feeds, sitemaps, robots.txt, the JSON feed and JSON-LD resolves", () => {
  const { out, files } = sampleSite();
  const texts = files.filter((f) => /\.(xml|json|txt|html)$/.test(f) && !f.startsWith("pagefind/"));
  const pattern = new RegExp(`${SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(/[^\\s"'<>)\\]]*)?`, "g");
  const broken: string[] = [];
  const perFile = new Map<string, number>();
  for (const file of texts) {
    for (const m of read(out, file).matchAll(pattern)) {
      const path = (m[1] ?? "/").replace(/&amp;/g, "&");
      checked.text++;
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
      if (!fileForUrl(out, new URL(path, "http://site").pathname)) broken.push(`${file}: ${m[0]}`);
    }
  }
  assert.equal(broken, [], `${broken.length} broken site URLs:\n${broken.slice(0, 30).join("\n")}`);
  // The gate looked where it should: sitemap entries, both feeds, the JSON feed, robots, news sitemap.
  for (const file of ["sitemap.xml", "feed.xml", "rss.xml", "feed.json", "robots.txt", "news-sitemap.xml"]) {
    assert.ok((perFile.get(file) ?? 0) >= 1, `${file} has site URLs`);
  }
  assert.ok((perFile.get("sitemap.xml") ?? 0) > 100);
});

test("pagination: every listing page links to its neighbours and the chain reaches the last page", () => {
  const { out } = sampleSite();
  const seen = new Set<string>();
  let url: string | undefined = "/";
  while (url && !seen.has(url)) {
    seen.add(url);
    const file = fileForUrl(out, url);
    assert.ok(file, `${url} exists`);
    const next = parseTags(readFileSync(file!, "utf8")).find((t) => t.name === "a" && t.attrs.get("rel") === "next");
    url = next?.attrs.get("href");
  }
  assert.ok(seen.size >= 2, `${seen.size} home pages chained`);
});

test.run();
