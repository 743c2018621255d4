// Headless chromium: the ticker moves towards the right, pauses (button, hover, focus), stays
// still under reduced motion and without JS, and axe finds no serious/critical violations.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, recordRequests, runAxe, startServer, type Browser, type StaticServer } from "../helpers/browser.js";
import { renderTicker } from "../../plugin/ticker/index.js";
import { createSourceRegistry } from "../../plugin/sources/index.js";

const ROOT = resolve("test/.tmp/ticker");
const SHOTS = resolve("test/screenshots");
const registry = createSourceRegistry(JSON.parse(readFileSync("_data/sources.json", "utf8")), { file: "_data/sources.json" });

// Our own items, in the shape of the agency's bar.
const ITEMS = [
  { text: "افتتاح مخبز آلي جديد في بلدة سرمدا شمال إدلب", sources: ["مصادر محلية"], time: "2020-03-29T13:05:00+03:00", url: "/news/1/" },
  { text: "انقطاع المياه عن أحياء في مدينة الحسكة لليوم الثالث", sources: ["ناشطون", "إعلام النظام"], time: "2020-03-29T12:40:00+03:00", url: "/news/2/" },
  { text: 'وكالة Reuters: "مديرية التربية" تؤجل امتحانات الشهادة الثانوية 10 أيام', sources: ["Reuters"], time: "2020-03-29T11:15:00+03:00", url: "/news/3/" },
  { text: "وصول قافلة مساعدات من 12 شاحنة إلى معبر باب الهوى", sources: ["الأمم المتحدة"], time: "2020-03-29T09:50:00+03:00" },
  { text: "حريق في سوق الهال بمدينة حماة دون إصابات", sources: ["الدفاع المدني", "مراسل الوكالة"], time: "2020-03-29T08:20:00+03:00", url: "/news/5/" },
  { text: "ارتفاع أسعار الخبز في ريف حمص الشمالي", sources: ["مصادر محلية"], time: "2020-03-29T07:43:00+03:00" },
];

function page(body: string, { script = true } = {}): string {
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اختبار شريط الأخبار</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@font-face { font-family: "Noto Naskh Arabic"; src: url("/fonts/naskh-400.woff2") format("woff2"); font-weight: 400; }
@font-face { font-family: "Noto Naskh Arabic"; src: url("/fonts/naskh-700.woff2") format("woff2"); font-weight: 700; }
body { margin: 0; font-family: "Noto Naskh Arabic", serif; font-size: 18px; }
main { padding: 1rem; }
</style>
<link rel="stylesheet" href="/ticker.css">
${script ? '<script src="/ticker.js" defer></script>' : ""}
</head><body>${body}<main><h1>صفحة اختبار</h1><p>نص الصفحة.</p></main></body></html>`;
}

let browser: Browser;
let server: StaticServer;

test.before(async () => {
  await mkdir(join(ROOT, "fonts"), { recursive: true });
  await mkdir(SHOTS, { recursive: true });
  await copyFile("_includes/akhbar/css/ticker.css", join(ROOT, "ticker.css"));
  await copyFile("_includes/akhbar/js/ticker.js", join(ROOT, "ticker.js"));
  const fonts = "node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-";
  await copyFile(`${fonts}400-normal.woff2`, join(ROOT, "fonts/naskh-400.woff2"));
  await copyFile(`${fonts}700-normal.woff2`, join(ROOT, "fonts/naskh-700.woff2"));
  const bar = renderTicker(ITEMS, { registry, sourceUrl: (e) => e.url, speed: 120 });
  await writeFile(join(ROOT, "index.html"), page(bar));
  await writeFile(join(ROOT, "nojs.html"), page(bar, { script: false }));
  await writeFile(join(ROOT, "one.html"), page(renderTicker(ITEMS.slice(0, 1), { registry })));
  const many = Array.from({ length: 200 }, (_, i) => ({
    ...ITEMS[i % ITEMS.length],
    time: new Date(Date.UTC(2020, 2, 29, 12, 0) - i * 60_000).toISOString(),
  }));
  await writeFile(join(ROOT, "many.html"), page(renderTicker(many, { registry, speed: 120 })));
  server = await startServer(ROOT);
  browser = await launchBrowser({ viewport: { width: 1000, height: 400 } });
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

const listX = (p: Page) =>
  p.$eval(".akhbar-ticker__list:not(.akhbar-ticker__list--copy)", (el) => el.getBoundingClientRect().x);

/** Horizontal displacement of the list over `ms` milliseconds. */
async function movement(p: Page, ms = 500): Promise<number> {
  const before = await listX(p);
  await p.waitForTimeout(ms);
  return (await listX(p)) - before;
}

async function away(p: Page) {
  await p.mouse.move(500, 390);
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function open(name: string, reducedMotion: "reduce" | "no-preference" = "no-preference"): Promise<Page> {
  const p = await browser.newPage();
  await p.emulateMedia({ reducedMotion });
  const requests = recordRequests(p);
  await p.goto(`${server.url}/${name}`);
  await p.evaluate(() => document.fonts.ready);
  // The page loads only its own assets, all successfully.
  for (const r of requests) assert.ok(r.url.startsWith(server.url), r.url);
  await away(p);
  return p;
}

test("the list moves towards the right and starts with the newest item's beginning", async () => {
  const p = await open("index.html");
  await p.waitForSelector("[data-ticker-ready]");
  // Rewind the CSS animation to its start to see the first frame.
  await p.evaluate(() => {
    const animation = document.querySelector(".akhbar-ticker__track")!.getAnimations()[0];
    animation.pause();
    animation.currentTime = 0;
  });
  // No helper functions inside evaluate(): tsx would wrap them in __name(), unknown in the page.
  const geometry = await p.evaluate(() => ({
    viewport: document.querySelector(".akhbar-ticker__viewport")!.getBoundingClientRect().toJSON(),
    list: document.querySelector(".akhbar-ticker__list")!.getBoundingClientRect().toJSON(),
    copy: document.querySelector(".akhbar-ticker__list--copy")!.getBoundingClientRect().toJSON(),
    item: document.querySelector(".akhbar-ticker__item")!.getBoundingClientRect().toJSON(),
    first: document.querySelector(".akhbar-ticker__item")!.textContent,
  }));
  assert.ok(geometry.first!.startsWith("افتتاح مخبز"), "newest first");
  // At the start the newest item's beginning (its right end) sits at the bar's right edge.
  assert.ok(Math.abs(geometry.item.right - geometry.viewport.right) < 2, `${geometry.item.right} vs ${geometry.viewport.right}`);
  // Seamless loop: the copy sits directly to the left of the original, same width.
  assert.ok(Math.abs(geometry.copy.width - geometry.list.width) < 1);
  assert.ok(Math.abs(geometry.copy.right - geometry.list.left) < 1.5, `${geometry.copy.right} vs ${geometry.list.left}`);
  await p.evaluate(() => document.querySelector(".akhbar-ticker__track")!.getAnimations()[0].play());
  const shift = await movement(p, 600);
  assert.ok(shift > 20, `moved ${shift}px to the right in 600 ms`);
  await p.screenshot({ path: join(SHOTS, "ticker-moving.png"), clip: { x: 0, y: 0, width: 1000, height: 120 } });
  await p.close();
});

test("the pause button stops and restarts the motion (mouse and keyboard)", async () => {
  const p = await open("index.html");
  const button = p.locator(".akhbar-ticker__toggle");
  assert.ok(await button.isVisible());
  assert.is((await button.textContent())?.trim(), "إيقاف مؤقت");
  await button.click();
  await away(p);
  assert.is((await button.textContent())?.trim(), "تشغيل");
  assert.is(await movement(p), 0);
  await p.screenshot({ path: join(SHOTS, "ticker-paused.png"), clip: { x: 0, y: 0, width: 1000, height: 120 } });
  await button.focus();
  await p.keyboard.press("Enter");
  await away(p);
  assert.is((await button.textContent())?.trim(), "إيقاف مؤقت");
  assert.ok((await movement(p)) > 10, "moves again");
  await button.focus();
  await p.keyboard.press("Space");
  await away(p);
  assert.is(await movement(p), 0, "Space pauses too");
  // Touch: a tap on the button plays again.
  await button.dispatchEvent("click");
  await away(p);
  assert.ok((await movement(p)) > 10);
  await p.close();
});

test("hovering the bar pauses it; leaving resumes", async () => {
  const p = await open("index.html");
  const box = (await p.locator(".akhbar-ticker__viewport").boundingBox())!;
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.is(await movement(p), 0);
  await away(p);
  assert.ok((await movement(p)) > 10);
  await p.close();
});

test("keyboard focus on an item pauses the bar, shows the item, and never enters the copy", async () => {
  const p = await open("index.html");
  await p.keyboard.press("Tab"); // the pause button
  assert.is(await p.evaluate(() => document.activeElement?.className), "akhbar-ticker__toggle");
  await p.keyboard.press("Tab"); // the first item link
  assert.is(await p.evaluate(() => document.activeElement?.getAttribute("href")), "/news/1/");
  assert.is(await movement(p), 0);
  const visible = await p.evaluate(() => {
    const a = document.activeElement!.getBoundingClientRect();
    const v = document.querySelector(".akhbar-ticker__viewport")!.getBoundingClientRect();
    return a.left >= v.left - 1 && a.right <= v.right + 1;
  });
  assert.ok(visible, "focused item inside the visible bar");
  await p.screenshot({ path: join(SHOTS, "ticker-focus.png"), clip: { x: 0, y: 0, width: 1000, height: 120 } });
  // Tab through everything: focus never lands in the aria-hidden copy.
  // Every item link it reaches is shown inside the bar (ticker.js moves the loop to it).
  let seen = 0;
  for (let i = 0; i < 20; i++) {
    await p.keyboard.press("Tab");
    const where = await p.evaluate(() => {
      const active = document.activeElement!;
      const a = active.getBoundingClientRect();
      const v = document.querySelector(".akhbar-ticker__viewport")!.getBoundingClientRect();
      return {
        inCopy: !!active.closest(".akhbar-ticker__list--copy"),
        inBar: !!active.closest(".akhbar-ticker__list"),
        visible: a.left >= v.left - 1 && a.right <= v.right + 1,
      };
    });
    assert.is(where.inCopy, false);
    if (where.inBar) {
      seen++;
      assert.ok(where.visible, `link ${seen} visible`);
      if (seen === 4) await p.screenshot({ path: join(SHOTS, "ticker-focus-4th.png"), clip: { x: 0, y: 0, width: 1000, height: 120 } });
    }
  }
  assert.ok(seen >= 4, `${seen} links reached`);
  await p.close();
});

test("the loop copy made by ticker.js is aria-hidden, inert and holds no tabbable link", async () => {
  const p = await open("index.html");
  await p.waitForSelector("[data-ticker-ready]");
  const copy = await p.evaluate(() => {
    const el = document.querySelector(".akhbar-ticker__list--copy");
    if (!el) return null;
    const links = Array.from(el.querySelectorAll("a"));
    return {
      hidden: el.getAttribute("aria-hidden"),
      inert: el.hasAttribute("inert"),
      links: links.length,
      untabbable: links.every((a) => a.getAttribute("tabindex") === "-1"),
      same: el.textContent === document.querySelector(".akhbar-ticker__list")!.textContent,
    };
  });
  assert.ok(copy, "copy created");
  assert.equal({ ...copy!, links: copy!.links > 0 }, { hidden: "true", inert: true, links: true, untabbable: true, same: true });
  await p.close();
});

test("prefers-reduced-motion: a static wrapped list, no copy, no button", async () => {
  const p = await open("index.html", "reduce");
  await p.waitForSelector("[data-ticker-ready]");
  assert.is(await movement(p, 600), 0);
  const state = await p.evaluate(() => {
    const list = document.querySelector(".akhbar-ticker__list")!.getBoundingClientRect();
    const item = document.querySelector(".akhbar-ticker__item")!.getBoundingClientRect();
    return {
      wraps: list.height > item.height * 1.5,
      copy: getComputedStyle(document.querySelector(".akhbar-ticker__list--copy")!).display,
      button: getComputedStyle(document.querySelector(".akhbar-ticker__toggle")!).display,
    };
  });
  assert.equal(state, { wraps: true, copy: "none", button: "none" });
  await p.screenshot({ path: join(SHOTS, "ticker-reduced-motion.png"), fullPage: true });
  await p.close();
});

test("without JavaScript: a static list and no (useless) button", async () => {
  const p = await open("nojs.html");
  assert.is(await movement(p), 0);
  assert.is(await p.locator(".akhbar-ticker__toggle").isVisible(), false);
  assert.is(await p.locator(".akhbar-ticker__list--copy").isVisible(), false);
  await p.screenshot({ path: join(SHOTS, "ticker-nojs.png"), fullPage: true });
  await p.close();
});

test("one item: static, no button, no copy", async () => {
  const p = await open("one.html");
  assert.is(await movement(p), 0);
  assert.is(await p.locator(".akhbar-ticker__toggle").count(), 0);
  assert.is(await p.locator(".akhbar-ticker__list--copy").count(), 0);
  await p.screenshot({ path: join(SHOTS, "ticker-one.png"), clip: { x: 0, y: 0, width: 1000, height: 120 } });
  await p.close();
});

test("200 items: moves at the configured speed, the bar keeps one line", async () => {
  const p = await open("many.html");
  const state = await p.evaluate(() => ({
    bar: document.querySelector(".akhbar-ticker")!.getBoundingClientRect().height,
    duration: parseFloat(getComputedStyle(document.querySelector(".akhbar-ticker__track")!).animationDuration),
    width: document.querySelector(".akhbar-ticker__list")!.getBoundingClientRect().width,
  }));
  assert.ok(state.bar < 80, `bar height ${state.bar}`);
  assert.ok(Math.abs(state.width / state.duration - 120) < 1, `speed ${state.width / state.duration} px/s`);
  const shift = await movement(p, 1000);
  assert.ok(shift > 90 && shift < 150, `moved ${shift}px in 1 s at 120 px/s`);
  await p.close();
});

test("axe-core: no serious or critical violations in the bar (moving, paused, reduced motion)", async () => {
  const p = await open("index.html");
  assert.equal(await runAxe(p, ".akhbar-ticker"), []);
  await p.locator(".akhbar-ticker__toggle").click();
  assert.equal(await runAxe(p, ".akhbar-ticker"), []);
  await p.close();
  const r = await open("index.html", "reduce");
  assert.equal(await runAxe(r, ".akhbar-ticker"), []);
  await r.close();
});

test.run();
