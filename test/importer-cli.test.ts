import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { HELP, main } from "../plugin/importer/cli.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "fixtures", "pages");
const root = join(here, ".tmp", "akh-cli"); // a name no test pattern matches (uvu scans test/.tmp too)
const GOOD = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).sort();
const MTIME = new Date("2021-04-05T07:00:00Z");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: string[], tty = false): Run {
  let stdout = "";
  let stderr = "";
  const code = main(args, {
    cwd,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty, columns: 80 },
  });
  return { code, stdout, stderr };
}

/** A fresh site folder with the fixtures under in/ (one in a subfolder), all with a fixed mtime. */
function site(name: string, extra: Record<string, string> = {}): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "in", "2017"), { recursive: true });
  for (const f of GOOD) {
    const to = f === "standard.txt" ? join(dir, "in", "2017", f) : join(dir, "in", f);
    copyFileSync(join(fixtures, f), to);
    utimesSync(to, MTIME, MTIME);
  }
  for (const [file, text] of Object.entries(extra)) {
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text);
    utimesSync(to, MTIME, MTIME);
  }
  return dir;
}

/** Every file under `dir` -> its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

const front = (text: string) => load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as Record<string, unknown>;

test("imports a folder: mirrored names, articles, ticker data, summary, exit 0", () => {
  const dir = site("basic");
  const r = run(dir, ["in", "--out", "src/articles"]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`${GOOD.length} pages in .*: ${GOOD.length} imported, 0 updated, 0 unchanged, 0 skipped, 0 failed`));
  assert.ok(existsSync(join(dir, "src/articles/2017/standard.md")), "subfolder mirrored");
  for (const f of GOOD.filter((f) => f !== "standard.txt")) assert.ok(existsSync(join(dir, "src/articles", f.replace(/\.txt$/, ".md"))), f);
  const standard = front(readFileSync(join(dir, "src/articles/2017/standard.md"), "utf8"));
  assert.is(standard.importedFrom, "2017/standard.txt");
  assert.is(standard.date, "2017-03-12");
  assert.is(standard.dateSource, "text");
  const undated = front(readFileSync(join(dir, "src/articles/no-ticker.md"), "utf8"));
  assert.equal([undated.date, undated.dateSource], ["2021-04-05", "mtime"]);
  const breaking = JSON.parse(readFileSync(join(dir, "_data/breaking.json"), "utf8"));
  assert.ok(breaking.some((i: { text: string; seenOn: string[] }) => i.text === "حريق في سوق الخضار بمدينة سراقب" && i.seenOn[0] === "2017/standard.txt"));
  assert.match(r.stdout, /ticker: \d+ items in _data\/breaking\.json/);
  assert.is(r.stderr, "", "no progress bar when stderr is not a terminal");
});

test("idempotent: a second import gives identical bytes and reports unchanged", () => {
  const dir = site("idempotent");
  assert.is(run(dir, ["in", "--out", "out"]).code, 0);
  const first = snapshot(dir);
  const r = run(dir, ["in", "--out", "out"]);
  assert.is(r.code, 0);
  assert.match(r.stdout, new RegExp(`0 imported, 0 updated, ${GOOD.length} unchanged`));
  assert.match(r.stdout, /\(unchanged\)/);
  assert.equal(snapshot(dir), first);
});

test("an article edited since the import is skipped (and kept), unless --force", () => {
  const dir = site("edited");
  run(dir, ["in", "--out", "out"]);
  const path = join(dir, "out/one-item.md");
  const generated = readFileSync(path, "utf8");
  const edited = generated.replace("عشرات الخيام", "مئات الخيام") + "\nملاحظة المحرر.\n";
  writeFileSync(path, edited);
  writeFileSync(join(dir, "out/no-ticker.md"), "---\ntitle: كتبه شخص\n---\n\nنص.\n");
  const r = run(dir, ["in", "--out", "out"]);
  assert.is(r.code, 0);
  assert.match(r.stdout, /2 skipped/);
  assert.match(r.stdout, /skipped out\/one-item\.md \(from in\/one-item\.txt\): the article was edited since it was imported; --force overwrites it/);
  assert.match(r.stdout, /skipped out\/no-ticker\.md .*not written by akhbar-import/);
  assert.is(readFileSync(path, "utf8"), edited);
  const forced = run(dir, ["in", "--out", "out", "--force"]);
  assert.is(forced.code, 0);
  assert.match(forced.stdout, /2 updated/);
  assert.is(readFileSync(path, "utf8"), generated);
});

test("an article re-generated from a changed page is updated when untouched", () => {
  const dir = site("updated");
  run(dir, ["in", "--out", "out"]);
  const page = join(dir, "in/one-item.txt");
  writeFileSync(page, readFileSync(page, "utf8").replace("عشرات الخيام", "مئات الخيام"));
  const r = run(dir, ["in", "--out", "out"]);
  assert.match(r.stdout, /0 imported, 1 updated/);
  assert.match(readFileSync(join(dir, "out/one-item.md"), "utf8"), /مئات الخيام/);
});

const BAD = { "in/b-bad.txt": "نص عادي بلا عنوان ولا توقيع.\n" };

test("without --keep-going: stops at the first failure; that page writes nothing", () => {
  const dir = site("stop", BAD);
  const r = run(dir, ["in", "--out", "out"]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /failed {2}in\/b-bad\.txt: not a saved page/);
  assert.match(r.stdout, /stopped at the first failure/);
  assert.ok(existsSync(join(dir, "out/2017/standard.md")), "pages before the failure are written");
  assert.ok(existsSync(join(dir, "out/arabic-label.md")));
  assert.not.ok(existsSync(join(dir, "out/b-bad.md")));
  assert.not.ok(existsSync(join(dir, "out/escaping.md")), "pages after the failure are not read");
  assert.equal(readdirSync(join(dir, "out")).filter((f) => f.includes(".tmp")), []);
  // The ticker data holds the pages that were imported.
  const breaking = readFileSync(join(dir, "_data/breaking.json"), "utf8");
  assert.match(breaking, /arabic-label\.txt/);
  assert.not.match(breaking, /escaping\.txt/);
});

test("--keep-going: every good page is imported, failures are listed, exit 1", () => {
  const dir = site("keep-going", { ...BAD, "in/c-empty.txt": "", "in/d-binary.txt": "\u0000\u0001PNG" });
  const r = run(dir, ["in", "--out", "out", "--keep-going"]);
  assert.is(r.code, 1);
  assert.match(r.stdout, new RegExp(`${GOOD.length} imported, 0 updated, 0 unchanged, 0 skipped, 3 failed`));
  assert.match(r.stdout, /failed {2}in\/c-empty\.txt: not a saved page: the file is empty/);
  assert.match(r.stdout, /failed {2}in\/d-binary\.txt: not a saved page: binary/);
  assert.ok(existsSync(join(dir, "out/escaping.md")));
});

test("--dates CSV, --tags-from rules, --ticker-out and --time-zone", () => {
  const dir = site("options", {
    "dates.csv": "file,date\nno-ticker.txt,2016-12-31\n2017/standard.txt,2017-03-13T07:30:00+02:00\n",
    "rules.json": JSON.stringify({ "إدلب": ["إدلب"], "الخبز": "خبز", "سراقب": "سراقب" }),
  });
  const r = run(dir, ["in", "-o", "out", "--dates", "dates.csv", "--tags-from", "rules.json", "--ticker-out", "data/ticker.json", "--time-zone", "UTC"]);
  assert.is(r.code, 0, r.stdout);
  const noTicker = front(readFileSync(join(dir, "out/no-ticker.md"), "utf8"));
  assert.equal([noTicker.date, noTicker.dateSource, noTicker.tags], ["2016-12-31", "csv", ["خبز"]]);
  const standard = front(readFileSync(join(dir, "out/2017/standard.md"), "utf8"));
  assert.equal([standard.date, standard.dateSource, standard.tags], ["2017-03-13T07:30:00+02:00", "csv", ["إدلب"]]);
  assert.not.ok(existsSync(join(dir, "_data/breaking.json")));
  const ticker = JSON.parse(readFileSync(join(dir, "data/ticker.json"), "utf8"));
  const fire = ticker.find((i: { text: string }) => i.text === "حريق في سوق الخضار بمدينة سراقب");
  assert.is(fire.time, "2017-03-12T23:50:00+00:00");
});

test("--dry-run reads and reports but writes nothing", () => {
  const dir = site("dry-run", BAD);
  const r = run(dir, ["in", "--out", "out", "--dry-run", "--keep-going"]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /dry run, nothing written/);
  assert.match(r.stdout, new RegExp(`${GOOD.length} would be imported`));
  assert.not.ok(existsSync(join(dir, "out")));
  assert.not.ok(existsSync(join(dir, "_data")));
});

test("two inputs that map to the same article: the second fails", () => {
  const dir = site("collision", { "other/one-item.txt": readFileSync(join(fixtures, "one-item.txt"), "utf8") });
  const r = run(dir, ["in/one-item.txt", "other/one-item.txt", "--out", "out", "--keep-going"]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /failed {2}other\/one-item\.txt: its article .*one-item\.md is already written from .*in\/one-item\.txt/);
});

test("progress bar on a terminal only; --quiet prints only failures", () => {
  const dir = site("tty", BAD);
  const tty = run(dir, ["in", "--out", "out", "--keep-going"], true);
  assert.match(tty.stderr, /\[#+\.*\] \d+\/\d+ pages/);
  const quiet = run(dir, ["in", "--out", "out2", "--keep-going", "--quiet"], true);
  assert.is(quiet.stdout, "");
  assert.match(quiet.stderr, /^akhbar-import: not a saved page/);
  assert.not.match(quiet.stderr, /#/);
});

test("usage errors exit 2 with a message; --help documents every option", () => {
  const dir = site("usage");
  assert.is(run(dir, []).code, 2);
  assert.match(run(dir, ["in"]).stderr, /--out <folder> is required/);
  assert.match(run(dir, ["in", "--out", "o", "--bogus"]).stderr, /bogus/);
  const tz = run(dir, ["in", "--out", "o", "--time-zone", "Mars/Olympus"]);
  assert.is(tz.code, 2);
  assert.match(tz.stderr, /unknown time zone "Mars\/Olympus"/);
  const missing = run(dir, ["nowhere", "--out", "o"]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /nowhere: no such file or folder/);
  const csv = run(dir, ["in", "--out", "o", "--dates", "missing.csv"]);
  assert.is(csv.code, 2);
  assert.match(csv.stderr, /missing\.csv.*cannot read the dates CSV/);
  assert.not.ok(existsSync(join(dir, "o")), "nothing written on a usage error");
  const help = run(dir, ["--help"]);
  assert.is(help.code, 0);
  assert.is(help.stdout, HELP);
  for (const option of ["--out", "--dates", "--tags-from", "--ticker-out", "--time-zone", "--force", "--keep-going", "--dry-run", "--quiet", "--help"]) {
    assert.ok(HELP.includes(option), option);
  }
});

test("a broken ticker data file stops the run before anything is written", () => {
  const dir = site("bad-ticker", { "_data/breaking.json": "{ not json" });
  const r = run(dir, ["in", "--out", "out"]);
  assert.is(r.code, 2);
  assert.match(r.stderr, /breaking\.json: not valid JSON/);
  assert.not.ok(existsSync(join(dir, "out")));
  assert.is(statSync(join(dir, "_data/breaking.json")).size, "{ not json".length);
});

test.run();
