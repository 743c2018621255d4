// The built sample archive in headless Debian chromium (playwright-core, no browser download),
// served from test/.tmp/quality/sample on 127.0.0.1: axe-core finds no serious/critical
// violations, the keyboard reaches everything with a visible focus, every page type is RTL, nothing
// scrolls sideways at 320 px, the Arabic web font loads, and no request leaves the loopback host.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, recordRequests, runAxe, startServer, type Browser, type RecordedRequest, type StaticServer } from "../helpers/browser.js";
import { sampleSite, urlOf } from "./sample.js";

let browser: Browser;
let narrow: Browser;
let server: StaticServer;
/** One page of each type (URL paths), found in the build. */
const PAGES: Record<string, string> = {};

function pick(files: string[], pattern: RegExp, name: string): void {
  const file = files.find((f) => pattern.test(f));
  assert.ok(file, `the build has a ${name} page`);
  PAGES[name] = urlOf(file!);
}

test.before(async () => {
  const { out, files } = sampleSite();
  PAGES.home = "/";
  pick(files, /^news\/\d{4}\/[^/]+\/index\.html$/, "article");
  pick(files, /^archive\/\d{4}\/\d{2}\/index\.html$/, "month archive");
  pick(files, /^archive\/\d{4}\/\d{2}\/\d{2}\/index\.html$/, "day archive");
  pick(files, /^archive\/\d{4}\/index\.html$/, "year archive");
  pick(files, /^hijri\/\d{4}\/\d{2}\/index\.html$/, "hijri month");
  pick(files, /^tags\/[^/]+\/index\.html$/, "tag");
  pick(files, /^sources\/[^/]+\/index\.html$/, "source");
  pick(files, /^editors\/[^/]+\/index\.html$/, "editor");
  pick(files, /^page\/2\/index\.html$/, "home page 2");
  for (const [name, file] of [["tags index", "tags/index.html"], ["breaking", "breaking/index.html"], ["about", "about/index.html"], ["archive index", "archive/index.html"]]) {
    if (files.includes(file)) PAGES[name] = urlOf(file);
  }
  if (existsSync(join(out, "search", "index.html"))) PAGES.search = "/search/";
  PAGES["404"] = "/404.html";
  server = await startServer(out);
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  narrow = await launchBrowser({ viewport: { width: 320, height: 640 } });
});

test.after(async () => {
  await browser?.close();
  await narrow?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  requests: RecordedRequest[];
}

async function open(b: Browser, path: string): Promise<Opened> {
  const page = await b.newPage();
  const requests = recordRequests(page);
  await page.goto(server.url + encodeURI(path), { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests };
}

/** Requests that left 127.0.0.1, or that failed / returned an error status. */
function badRequests(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => !r.url.startsWith("data:") && !r.url.startsWith("blob:"))
    .filter((r) => !r.url.startsWith(`${server.url}/`) || r.failure !== undefined || (r.status !== undefined && r.status >= 400))
    .map((r) => `${r.method} ${r.url} ${r.status ?? ""} ${r.failure ?? ""}`);
}

const AXE_PAGES = ["home", "article", "month archive", "tag", "search", "404"];

test("axe-core: no serious or critical violations on home, article, month archive, tag, search, 404", async () => {
  const found: string[] = [];
  for (const name of AXE_PAGES) {
    if (!PAGES[name]) continue; // only "search" may be absent (search disabled)
    for (const b of [browser, narrow]) {
      const { page } = await open(b, PAGES[name]);
      for (const v of await runAxe(page)) found.push(`${name} (${PAGES[name]}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes.slice(0, 3).join(", ")}`);
      await page.close();
    }
  }
  assert.equal(found, [], found.join("\n"));
});

test("every page type: computed direction RTL, Arabic font loaded, no sideways scroll at 320 px, only loopback requests", async () => {
  const problems: string[] = [];
  for (const [name, path] of Object.entries(PAGES)) {
    const { page, requests } = await open(narrow, path);
    // Let deferred scripts (ticker.js) run and anything lazy fire before reading the request log.
    await page.waitForLoadState("networkidle");
    // No helper functions inside evaluate(): tsx wraps them in __name(), unknown in the page.
    const facts = await page.evaluate(() => {
      const main = document.querySelector("main");
      const loaded = [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/["']/g, ""));
      return {
        html: getComputedStyle(document.documentElement).direction,
        body: getComputedStyle(document.body).direction,
        main: main ? getComputedStyle(main).direction : "none",
        lang: document.documentElement.lang,
        loaded,
        bodyFont: getComputedStyle(document.body).fontFamily,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        bodyScroll: document.body.scrollWidth,
      };
    });
    if (facts.html !== "rtl" || facts.body !== "rtl" || facts.main !== "rtl") problems.push(`${name}: direction html=${facts.html} body=${facts.body} main=${facts.main}`);
    if (facts.lang !== "ar") problems.push(`${name}: lang=${facts.lang}`);
    if (!facts.loaded.includes("Noto Naskh Arabic")) problems.push(`${name}: Noto Naskh Arabic not loaded (loaded: ${facts.loaded.join(", ") || "none"})`);
    if (!/Noto Naskh Arabic/.test(facts.bodyFont)) problems.push(`${name}: body font ${facts.bodyFont}`);
    if (facts.scrollWidth > facts.clientWidth || facts.bodyScroll > facts.clientWidth) {
      problems.push(`${name}: scrolls sideways at 320 px (scrollWidth ${facts.scrollWidth}/${facts.bodyScroll} > ${facts.clientWidth})`);
    }
    for (const r of badRequests(requests)) problems.push(`${name}: request ${r}`);
    if (!requests.some((r) => r.url.endsWith(".woff2"))) problems.push(`${name}: no font request recorded`);
    await page.close();
  }
  assert.equal(problems, [], problems.join("\n"));
});

interface Focused {
  tag: string;
  cls: string;
  href: string | null;
  text: string;
  outline: string;
  shadow: string;
  width: number;
  height: number;
  inNav: boolean;
  inCopy: boolean;
}

/** Press Tab and describe the focused element (computed focus style included). */
async function tab(page: Page): Promise<Focused | null> {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.className,
      href: el.getAttribute("href"),
      text: (el.textContent ?? "").trim().slice(0, 60),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      shadow: style.boxShadow,
      width: box.width,
      height: box.height,
      inNav: !!el.closest("nav.site-nav"),
      inCopy: !!el.closest("[aria-hidden='true']"),
    };
  });
}

/** Focus is visible: a real outline or a box-shadow ring, on an element with a size. */
function focusVisible(f: Focused): boolean {
  const [style, width] = f.outline.split(" ");
  const outline = style !== "none" && parseFloat(width) >= 1;
  return (outline || (f.shadow !== "none" && f.shadow !== "")) && f.width > 0 && f.height > 0;
}

test("keyboard on the home page: skip link first, then the ticker's pause control, the navigation and every article link, focus always visible", async () => {
  const { page } = await open(browser, "/");
  await page.waitForSelector("[data-ticker-ready]").catch(() => undefined);
  const expected = await page.evaluate(() => ({
    nav: [...document.querySelectorAll("nav.site-nav a")].map((a) => a.getAttribute("href")),
    articles: [...document.querySelectorAll("main .card a[href^='/news/']")].map((a) => a.getAttribute("href")),
    toggle: !!document.querySelector(".akhbar-ticker__toggle:not([hidden])"),
  }));
  assert.ok(expected.nav.length >= 5 && expected.articles.length >= 10, JSON.stringify(expected));
  const order: Focused[] = [];
  for (let i = 0; i < 400; i++) {
    const f = await tab(page);
    if (!f || (order.length > 0 && f.cls === "skip-link")) break; // wrapped around
    order.push(f);
  }
  assert.is(order[0]?.cls, "skip-link", "the skip link is the first tab stop");
  const invisible = order.filter((f) => !focusVisible(f)).map((f) => `${f.tag}.${f.cls} ${f.href ?? ""} outline=${f.outline} shadow=${f.shadow} ${f.width}x${f.height}`);
  assert.equal(invisible, [], `focus not visible on:\n${invisible.join("\n")}`);
  assert.equal(order.filter((f) => f.inCopy).map((f) => f.href), [], "nothing aria-hidden takes focus");
  const at = (pred: (f: Focused) => boolean) => order.findIndex(pred);
  const navIndex = at((f) => f.inNav);
  if (expected.toggle) {
    const toggle = at((f) => f.cls.includes("akhbar-ticker__toggle"));
    assert.ok(toggle > 0, "the ticker's pause control is reachable");
  }
  assert.ok(navIndex > 0, "navigation reachable after the skip link");
  const reachedNav = new Set(order.filter((f) => f.inNav).map((f) => f.href));
  for (const href of expected.nav) assert.ok(reachedNav.has(href), `nav link ${href} reachable`);
  const reached = new Set(order.map((f) => f.href));
  const missing = expected.articles.filter((href) => !reached.has(href));
  assert.equal(missing, [], "every article link on the home page is reachable by Tab");
  await page.close();
});

test("the skip link is visible when focused and moves focus to the main content", async () => {
  const { page } = await open(browser, PAGES.article);
  const first = await tab(page);
  assert.is(first?.cls, "skip-link");
  const onScreen = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.width > 0;
  });
  assert.ok(onScreen, "focused skip link is inside the viewport");
  await page.keyboard.press("Enter");
  assert.is(await page.evaluate(() => document.activeElement?.id), "main");
  await page.close();
});

test.run();
