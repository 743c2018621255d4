/** Building fixture sites with the Eleventy CLI (a child process: Eleventy keeps global state) and reading the output. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
export const ELEVENTY = join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");
export const TMP = join(REPO, "test", ".tmp");

export interface BuildResult {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** Build the site in `cwd` (its own config) into `output` (emptied first). */
export function buildSite(
  cwd: string,
  output: string,
  env: Record<string, string> = {},
  config?: string,
  options: { keepOutput?: boolean } = {},
): BuildResult {
  if (!options.keepOutput) rmSync(output, { recursive: true, force: true });
  const args = [ELEVENTY, "--quiet", `--output=${output}`];
  if (config) args.push(`--config=${config}`);
  const run = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000", ...env },
    timeout: 300_000,
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, output };
}

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split(sep).join("/"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

/** The built file a site URL maps to (percent-decoded; directories → index.html), or undefined. */
export function fileForUrl(dir: string, url: string): string | undefined {
  const path = decodeURIComponent(url.split("#")[0].split("?")[0]);
  const abs = join(dir, path);
  if (!abs.startsWith(dir)) return undefined;
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    const index = join(abs, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return existsSync(abs) ? abs : undefined;
}

const ATTR = /\s(?:href|src)="([^"]*)"/g;

/** Links that leave the site (or are no page at all). */
const EXTERNAL_SCHEME = /^(https?:|mailto:|tel:|data:)/i;

/** Internal href/src values of an HTML page (absolute site paths and relative links, resolved). */
export function internalLinks(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(ATTR)) {
    const raw = match[1].replace(/&amp;/g, "&");
    if (raw === "" || raw.startsWith("#") || EXTERNAL_SCHEME.exec(raw) !== null || raw.startsWith("//")) continue;
    links.push(new URL(raw, `http://site${pageUrl}`).pathname);
  }
  return links;
}
