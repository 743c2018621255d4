#!/usr/bin/env node
// Screenshots of the built site (_site/) in headless Debian Chromium, for people to look at:
// node scripts/screenshots.mjs [path …]   → test/screenshots/<name>-<width>-<scheme>.png
import { createServer } from "node:http";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const root = join(process.cwd(), "_site");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".woff2": "font/woff2", ".xml": "application/xml", ".json": "application/json", ".svg": "image/svg+xml" };
const server = createServer((req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let file = join(root, path);
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(readFileSync(join(root, "404.html")));
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/"];
const out = join(process.cwd(), "test", "screenshots");
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const path of paths) {
  for (const width of [375, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: process.env.MOTION || "reduce" });
      await page.goto(base + encodeURI(path));
      await page.evaluate(() => document.fonts.ready);
      const name = path.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "home";
      const file = join(out, `${name}-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await page.close();
    }
  }
}
await browser.close();
server.close();
