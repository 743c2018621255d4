// Headless chromium on the built sample archive: Arabic queries typed into the search page find
// the expected articles (with/without ال, hamza variant, harakat, Arabic-Indic digits, a source
// filter), results show original words highlighted, the header form prefills the page, the page
// works with the keyboard, axe finds no serious/critical violations, nothing leaves 127.0.0.1,
// and without JavaScript the page says search needs it. Screenshots: test/screenshots/search-*.png.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, launchBrowser, recordRequests, runAxe, startServer, type Browser, type RecordedRequest, type StaticServer } from "../helpers/browser.js";
import { buildSite, REPO, TMP } from "../helpers/site.js";

const OUT = join(TMP, "search-browser");
const SHOTS = join(REPO, "test", "screenshots");
const OLIVES = "/news/2018/10-20-afrin-olive-harvest/";
const SMART_CARD = "/news/2020/03-05-sweida-bread-smart-card/";
const MEDICINE = "/news/2020/06-09-idlib-medicine-prices/";
const POLIO = "/news/2017/07-20-daraa-polio-vaccination/";

let browser: Browser;
let server: StaticServer;
let page: Page;
let requests: RecordedRequest[];

test.before(async () => {
  const built = buildSite(REPO, OUT);
  assert.is(built.status, 0, built.stderr);
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(OUT);
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  page = await browser.newPage();
  requests = recordRequests(page);
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  status: string;
  urls: string[];
  titles: string[];
  marks: string[];
}

async function shown(): Promise<Shown> {
  await page.waitForFunction(() => {
    const status = document.querySelector(".search__status")?.textContent ?? "";
    const list = document.querySelector(".search__results");
    return /عدد النتائج|لا توجد نتائج|تعذّر/.test(status) && list && !list.hasAttribute("aria-busy");
  });
  return page.evaluate(() => ({
    status: document.querySelector(".search__status")!.textContent!,
    urls: [...document.querySelectorAll(".search-result__title a")].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    titles: [...document.querySelectorAll(".search-result__title")].map((h) => h.textContent!),
    marks: [...document.querySelectorAll(".search-result mark")].map((m) => m.textContent!),
  }));
}

/** Type `query` into the search page's box and press Enter. */
async function search(query: string): Promise<Shown> {
  await page.evaluate(() => (document.querySelector(".search__status")!.textContent = ""));
  await page.fill("#search-q", query);
  await page.press("#search-q", "Enter");
  return shown();
}

test("the search page loads Pagefind and fills the filter lists", async () => {
  await page.goto(`${server.url}/search/`);
  await page.waitForSelector("#search[data-ready]");
  assert.is(await page.isVisible("form.search__form"), true);
  const options = await page.$$eval("#search-source option", (os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.ok(options.includes("إعلام النظام"), options.join());
  const years = await page.$$eval("#search-year option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.equal(years, ["2021", "2020", "2019", "2018", "2017"]);
  assert.ok((await page.$$eval("#search-tag option", (os) => os.length)) > 5);
  assert.ok((await page.$$eval("#search-editor option", (os) => os.length)) > 2);
});

test("with and without the definite article", async () => {
  const withArticle = await search("الزيتون");
  const without = await search("زيتون");
  assert.ok(withArticle.urls.includes(OLIVES), withArticle.urls.join());
  assert.equal(without.urls.sort(), withArticle.urls.sort());
  // Highlighting shows the words as written, not their normalised form.
  assert.ok(without.marks.includes("الزيتون"), without.marks.join("|"));
  assert.ok(without.titles.some((t) => t.includes("قطاف الزيتون")));
});

test("alef/hamza variants and taa marbuta", async () => {
  const r = await search("اسعار الادويه");
  assert.is(r.urls[0], MEDICINE, r.urls.join());
  assert.ok(r.marks.includes("أسعار") && r.marks.includes("الأدوية"), r.marks.join("|"));
  const alef = await search("إعلام");
  const bare = await search("اعلام");
  assert.ok(alef.urls.includes(SMART_CARD));
  assert.equal(bare.urls.sort(), alef.urls.sort());
});

test("harakat in the query", async () => {
  const r = await search("الْبِطَاقَةُ الذَّكِيَّةُ");
  assert.equal(r.urls, [SMART_CARD]);
  assert.ok(r.marks.some((m) => m.includes("البطاقة")), r.marks.join("|"));
});

test("Arabic-Indic digits", async () => {
  const arabic = await search("لقاح ٦٠");
  assert.equal(arabic.urls, [POLIO]);
  const latin = await search("لقاح 60");
  assert.equal(latin.urls, arabic.urls);
  assert.ok(arabic.marks.includes("60"));
});

test("filtered by source", async () => {
  const all = await search("الخبز");
  assert.ok(all.urls.length >= 3 && all.urls.includes(SMART_CARD), all.urls.join());
  await page.selectOption("#search-source", "إعلام النظام");
  const filtered = await shown();
  assert.equal(filtered.urls, [SMART_CARD]);
  assert.match(page.url(), "source=");
  // The filter alone (no words) lists that source's articles.
  const only = await search("");
  assert.ok(only.urls.length > 1 && only.urls.includes(SMART_CARD));
  await page.selectOption("#search-source", "");
});

test("no results says so", async () => {
  const r = await search("ظظظغغغ");
  assert.equal(r.urls, []);
  assert.match(r.status, "لا توجد نتائج");
});

test("keyboard: more results by Enter, focus moves to the first new result", async () => {
  const r = await search("ادلب");
  assert.is(r.urls.length, 10);
  assert.match(r.status, /عدد النتائج: (1[1-9]|[2-9]\d)/);
  await page.focus(".search__more");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 10);
  const focused = await page.evaluate(() => {
    const links = [...document.querySelectorAll(".search-result__title a")];
    return links.indexOf(document.activeElement as Element);
  });
  assert.is(focused, 10);
});

test("the header form prefills the search page", async () => {
  await page.goto(`${server.url}/`);
  await page.fill("#site-search-q", "الزيتون");
  await page.press("#site-search-q", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  const r = await shown();
  assert.ok(r.urls.includes(OLIVES));
  assert.is(await page.inputValue("#search-q"), "الزيتون");
});

test("axe: no serious or critical violations, light and dark; screenshots", async () => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/search/?q=${encodeURIComponent("أسعار الخبز")}`);
      const r = await shown();
      assert.ok(r.urls.length > 0);
      const violations = await runAxe(page);
      assert.equal(violations, [], `${scheme} ${width}: ${JSON.stringify(violations)}`);
      // Usable at narrow widths: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${scheme} ${width}: horizontal overflow ${overflow}px`);
      await page.screenshot({ path: join(SHOTS, `search-${scheme}-${width}.png`), fullPage: width === 375 ? false : true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 320, height: 700 });
  const box = await page.$eval("#search-q", (el) => el.getBoundingClientRect().width);
  assert.ok(box > 150, `input is ${box}px wide at 320px`);
});

test("no request left 127.0.0.1", () => {
  assert.ok(requests.length > 10);
  const outside = requests.filter((r) => !r.url.startsWith(server.url) && !/^(data|blob):/.test(r.url));
  assert.equal(outside.map((r) => r.url), []);
  assert.ok(requests.some((r) => r.url.includes("/pagefind/") && r.url.endsWith(".pf_fragment")));
});

test("without JavaScript: the page says search needs it and links to the archives", async () => {
  const bare = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await bare.newContext({ javaScriptEnabled: false, locale: "ar" });
    const p = await context.newPage();
    await p.goto(`${server.url}/search/?q=test`);
    const text = await p.textContent("#search");
    assert.match(text ?? "", "يحتاج البحث إلى تفعيل JavaScript");
    assert.ok(await p.isVisible('#search a[href="/archive/"]'));
    assert.is(await p.isVisible("form.search__form"), false);
  } finally {
    await bare.close();
  }
});

test.run();
