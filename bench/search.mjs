#!/usr/bin/env node
// Search size benchmark (issue 5): the Pagefind bundle's size on disk and the bytes a reader's
// first search downloads, for the sample site and for a generated archive.
//
//   node bench/search.mjs [--n 10000] [--query "حلب"] [--skip-sample] [--skip-n]
//
// Needs the compiled plugin (npm run compile). For each site: build it with the theme (Eleventy
// CLI, --quiet; the build writes the index), run the plugin's buildSearchIndex once more on the
// output to time indexing on its own (same bytes: the output is deterministic), sum the bundle by kind, then open /search/?q=<query> in headless chromium
// (Debian's /usr/bin/chromium, a local 127.0.0.1 server) and add up every /pagefind/ response
// until the first page of results is shown. Outputs go to bench/.out/search/ (not committed).
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const ELEVENTY = join(repo, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const OUT = join(repo, "bench", ".out", "search");

function parseArgs(argv) {
  const args = { n: 10000, query: undefined, sample: true, generated: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      console.log("node bench/search.mjs [--n 10000] [--query WORDS] [--skip-sample] [--skip-n]");
      process.exit(0);
    } else if (a === "--n") args.n = Number(argv[++i]);
    else if (a === "--query") args.query = argv[++i];
    else if (a === "--skip-sample") args.sample = false;
    else if (a === "--skip-n") args.generated = false;
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.n) || args.n < 1) throw new Error("--n needs a positive integer");
  return args;
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

function build(cwd, config, output) {
  rmSync(output, { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [ELEVENTY, "--quiet", `--config=${config}`, `--output=${output}`], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`build failed in ${cwd}:\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

function writeConfig(file, input, extra) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `import akhbar from "eleventy-plugin-akhbar";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(akhbar, ${JSON.stringify({ theme: true, ...extra })});
}
export const config = ${JSON.stringify({ dir: input })};
`,
  );
}

function bundleBreakdown(dir) {
  const kinds = { fragments: 0, index: 0, filters: 0, "wasm+meta": 0, "ui/js (unused by the theme)": 0, "js (pagefind.js + worker)": 0 };
  let total = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const size = statSync(path).size;
    total += size;
    files++;
    const rel = path.slice(dir.length + 1);
    if (rel.startsWith("fragment")) kinds.fragments += size;
    else if (rel.startsWith("index")) kinds.index += size;
    else if (rel.startsWith("filter")) kinds.filters += size;
    else if (/wasm|pf_meta|entry\.json/.test(rel)) kinds["wasm+meta"] += size;
    else if (rel === "pagefind.js" || rel === "pagefind-worker.js") kinds["js (pagefind.js + worker)"] += size;
    else kinds["ui/js (unused by the theme)"] += size;
  }
  return { total, files, kinds };
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".woff2": "font/woff2" };

async function serve(root) {
  const server = createServer((req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(root + sep) && file !== root) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end();
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length });
    res.end(body);
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** Bytes of /pagefind/ responses until the first results page is rendered. */
async function firstSearch(site, query) {
  const { chromium } = await import("playwright-core");
  const { server, url } = await serve(site);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    const seen = [];
    page.on("response", async (response) => {
      const u = response.url();
      if (!u.includes("/pagefind/")) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const path = new URL(u).pathname.replace("/pagefind/", "");
      // .pf_* and wasm files are already gzipped by Pagefind; JS/JSON would be gzipped by a host.
      const gz = /\.(js|json)$/.test(path) ? gzipSync(body).length : body.length;
      seen.push({ path, bytes: body.length, gz });
    });
    await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => {
      const list = document.querySelector(".search__results");
      return /\d/.test(document.querySelector(".search__status")?.textContent ?? "") && list && !list.hasAttribute("aria-busy");
    }, undefined, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const results = await page.$$eval(".search-result", (els) => els.length);
    const status = await page.textContent(".search__status");
    const group = (test) => seen.filter((s) => test(s.path)).reduce((sum, s) => sum + s.bytes, 0);
    return {
      status,
      results,
      requests: seen.length,
      total: group(() => true),
      gzipped: seen.reduce((sum, s) => sum + s.gz, 0),
      fixed: group((p) => !/^(index|fragment|filter)\//.test(p)),
      index: group((p) => p.startsWith("index/")),
      filters: group((p) => p.startsWith("filter/")),
      fragments: group((p) => p.startsWith("fragment/")),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

async function measure(label, cwd, input, output, query) {
  const config = join(OUT, label, "eleventy.config.mjs");
  writeConfig(config, input, label === "sample" ? { timeZone: "Asia/Damascus", months: "levant", digits: "latn" } : { site: { title: "وكالة أخبار تجريبية", url: "https://bench.example" } });
  const buildS = build(cwd, config, output);
  const { buildSearchIndex } = await import(pathToFileURL(join(repo, "dist", "search", "index.js")).href);
  const started = performance.now();
  const stats = await buildSearchIndex(output);
  const indexS = (performance.now() - started) / 1000;
  const bundle = bundleBreakdown(join(output, "pagefind"));
  const first = await firstSearch(output, query);
  console.log(`\n## ${label}: ${stats.pages} indexed pages (${stats.scanned} HTML files)`);
  console.log(`build (indexing included) ${buildS.toFixed(1)} s; indexing alone ${indexS.toFixed(1)} s`);
  console.log(`bundle on disk: ${kib(bundle.total)} in ${bundle.files} files`);
  for (const [k, v] of Object.entries(bundle.kinds)) console.log(`  ${k.padEnd(28)} ${kib(v)}`);
  console.log(`first search "${query}" (${first.status}, ${first.results} shown): ${kib(first.total)} in ${first.requests} requests (${kib(first.gzipped)} if the host gzips JS/JSON)`);
  console.log(`  pagefind.js + worker + wasm + meta ${kib(first.fixed)}; index chunks ${kib(first.index)}; filters ${kib(first.filters)}; fragments ${kib(first.fragments)}`);
  return { label, pages: stats.pages, buildS, indexS, bundle, first };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(repo, "dist", "search", "index.js"))) throw new Error("dist/ is missing: run `npm run compile` first");
  if (args.sample) {
    await measure("sample", repo, { input: "src", includes: "../_includes", data: "../_data" }, join(OUT, "sample", "site"), args.query ?? "أسعار الخبز");
  }
  if (args.generated) {
    const gen = spawnSync(process.execPath, [join(repo, "bench", "generate.mjs"), "--n", String(args.n)], { stdio: "inherit" });
    if (gen.status !== 0) throw new Error("bench/generate.mjs failed");
    const corpus = join(repo, "bench", ".corpus", String(args.n));
    await measure(`n${args.n}`, corpus, { input: "src" }, join(OUT, String(args.n), "site"), args.query ?? "حلب");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
