/**
 * Shared helpers for browser tests: Debian's chromium through playwright-core, a tiny static
 * file server, request recording and axe-core. Every test starts and stops what it uses.
 */
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** A new page (tab) in the shared context. */
  newPage(): Promise<Page>;
  /** Close chromium and delete its temporary profile. */
  close(): Promise<void>;
}

/**
 * Launch chromium with a fresh temporary profile (playwright passes it as --user-data-dir; it
 * refuses that flag in `args`, hence launchPersistentContext).
 */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "akhbar-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: "ar",
    timeout: 30_000,
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".webmanifest": "application/manifest+json",
  ".pf_meta": "application/octet-stream",
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1 with an ephemeral port. Directories serve their index.html; misses 404. */
export async function startServer(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      let file = normalize(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(400).end("bad request");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** HTTP status, or undefined when the request failed or has not finished. */
  status?: number;
  failure?: string;
}

/** Record every request `page` makes from now on (the array fills as the page loads). */
export function recordRequests(page: Page): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const byRequest = new Map<object, RecordedRequest>();
  page.on("request", (request) => {
    const entry = { url: request.url(), method: request.method(), resourceType: request.resourceType() };
    byRequest.set(request, entry);
    requests.push(entry);
  });
  page.on("requestfinished", async (request) => {
    const entry = byRequest.get(request);
    const response = await request.response().catch(() => null);
    if (entry && response) entry.status = response.status();
  });
  page.on("requestfailed", (request) => {
    const entry = byRequest.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? "failed";
  });
  return requests;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

let axeSource: string | undefined;

/**
 * Run axe-core in `page` (optionally only inside `selector`) and return its serious and critical
 * violations, with the failing nodes' selectors.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  axeSource ??= await readFile(resolve("node_modules/axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(context ?? document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(" ")) }));
  }, selector ?? null);
}
