/**
 * `akhbar-import`: the command-line face of runImport. `main(argv, io)` returns the exit code:
 * 0 all pages imported (or unchanged / skipped), 1 some page failed, 2 bad usage or options.
 */
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { AkhbarError } from "../errors.js";
import { DEFAULT_SOURCES, DEFAULT_TICKER_OUT, DEFAULT_TIME_ZONE, runImport, type ImportSummary } from "./run.js";

export const HELP = `Usage: akhbar-import <files or folders…> --out <folder> [options]

Turns saved news pages (plain text, one page per file: "الأخبار العاجلة", the ticker line, the
headline, pictogram-avatar, "Editing: NAME |", the body) into Markdown articles for the Akhbar
theme, and collects every ticker item into one data file.

Inputs
  <files or folders…>   Files are read whatever their extension; folders are searched recursively
                        for *.txt files (hidden files and folders skipped) and mirrored under --out.
                        page-2020.txt -> <out>/page-2020.md, <folder>/2017/a.txt -> <out>/2017/a.md

Options
  -o, --out <folder>    Where the articles go (required).
  --dates <csv>         "file,date" lines dating pages: file is the page's path relative to its
                        folder argument, or its base name; date is YYYY-MM-DD or a date-time with
                        offset. A header line "file,date" and "#" comment lines are allowed.
                        Pages are dated by, in order: this CSV, the latest day named in the
                        headline/body (days after the file's modification time + 1 day are
                        ignored), the file's modification time. The rule used is recorded in
                        front matter as dateSource: csv | text | mtime.
  --tags-from <json>    Tag rules: {"keyword": "tag" | ["tag", …]}. A rule adds its tags when the
                        keyword starts a word of the headline or body (prefixes و ف ب ل ك and
                        "لل" allowed; harakat, tatweel and alef variants ignored).
  --ticker-out <file>   The ticker data file (default ${DEFAULT_TICKER_OUT}, relative to the current
                        folder). Existing items are kept and merged; an item seen on many pages is
                        stored once with every page in "seenOn".
  --time-zone <zone>    IANA zone of the pages' clock times (default ${DEFAULT_TIME_ZONE}).
  --sources <json>      Source registry used to split "A وB" attributions into known names
                        (default ${DEFAULT_SOURCES} when it exists).
  --force               Overwrite articles that were edited since they were imported (or were not
                        written by akhbar-import). Without it they are skipped and listed.
  --keep-going          Continue past pages that fail; without it the run stops at the first
                        failure (that page writes nothing; pages before it are kept).
  --dry-run             Read and check everything, report what would happen, write nothing.
  -q, --quiet           No progress bar and no summary; failures are still printed (stderr).
  -h, --help            This text.

Re-importing is safe: names are derived from input names, output bytes are stable, and each article
carries a contentHash so that files a person edited are never overwritten without --force.
Exit code: 0 when no page failed, 1 when some page failed, 2 for bad usage.
`;

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd?: string;
}

const defaultIO: CliIO = { stdout: process.stdout, stderr: process.stderr };

function progressBar(io: CliIO): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 80) return;
    last = now;
    const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 30));
    const filled = total === 0 ? width : Math.round((done / total) * width);
    io.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} pages`);
    if (done === total) io.stderr.write("\r\u001b[K");
  };
}

/** The end-of-run report (plain text). */
export function formatSummary(summary: ImportSummary, cwd = process.cwd()): string {
  const show = (p: string) => relative(cwd, p) || p;
  const c = summary.counts;
  const total = summary.results.length;
  const verb = summary.dryRun ? "would be " : "";
  const lines = [
    `akhbar-import${summary.dryRun ? " (dry run, nothing written)" : ""}: ${total} page${total === 1 ? "" : "s"} in ${(summary.elapsedMs / 1000).toFixed(2)} s: ` +
      `${c.imported} ${verb}imported, ${c.updated} ${verb}updated, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.failed} failed`,
  ];
  for (const r of summary.results) {
    if (r.status === "skipped") lines.push(`  skipped ${show(r.outPath ?? r.file)} (from ${show(r.file)}): ${r.reason}`);
  }
  for (const r of summary.results) {
    if (r.status === "failed") lines.push(`  failed  ${show(r.file)}: ${r.reason}`);
  }
  if (summary.stopped) lines.push("  stopped at the first failure; --keep-going continues past failures");
  if (summary.ticker) {
    lines.push(
      `ticker: ${summary.ticker.items} item${summary.ticker.items === 1 ? "" : "s"} in ${show(summary.ticker.file)}` +
        (summary.ticker.written ? "" : summary.dryRun ? " (not written: dry run)" : " (unchanged)"),
    );
  }
  return lines.join("\n") + "\n";
}

/** Parse argv and run. Never throws: usage errors print a message and return 2. */
export function main(argv: readonly string[], io: CliIO = defaultIO): number {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        dates: { type: "string" },
        "tags-from": { type: "string" },
        "ticker-out": { type: "string" },
        "time-zone": { type: "string" },
        sources: { type: "string" },
        force: { type: "boolean" },
        "keep-going": { type: "boolean" },
        "dry-run": { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr.write(`akhbar-import: ${(error as Error).message}\nRun akhbar-import --help for the options.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0 || !values.out) {
    io.stderr.write(
      `akhbar-import: ${positionals.length === 0 ? "give the saved pages (files or folders)" : "--out <folder> is required"}\n` +
        "Run akhbar-import --help for the options.\n",
    );
    return 2;
  }
  const quiet = values.quiet === true;
  const cwd = io.cwd ?? process.cwd();
  let summary: ImportSummary;
  try {
    summary = runImport({
      inputs: positionals,
      out: values.out as string,
      dates: values.dates as string | undefined,
      tagsFrom: values["tags-from"] as string | undefined,
      tickerOut: values["ticker-out"] as string | undefined,
      timeZone: values["time-zone"] as string | undefined,
      sources: values.sources as string | undefined,
      force: values.force === true,
      keepGoing: values["keep-going"] === true,
      dryRun: values["dry-run"] === true,
      cwd,
      onProgress: !quiet && io.stderr.isTTY ? progressBar(io) : undefined,
    });
  } catch (error) {
    if (!(error instanceof AkhbarError)) throw error;
    io.stderr.write(`akhbar-import: ${error.message}\n`);
    return 2;
  }
  if (quiet) {
    for (const r of summary.results) if (r.status === "failed") io.stderr.write(`akhbar-import: ${r.reason}\n`);
  } else {
    io.stdout.write(formatSummary(summary, cwd));
  }
  return summary.counts.failed > 0 ? 1 : 0;
}
