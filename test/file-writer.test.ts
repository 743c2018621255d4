import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileWriter } from "../plugin/eleventy/file-writer.js";
import { AkhbarError } from "../plugin/errors.js";

const root = join(process.cwd(), "test", ".tmp", "file-writer");

function fresh(name: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A page of Arabic text (UTF-8 on disk must be exactly this). */
const page = (i: number) => `<!doctype html><html lang="ar" dir="rtl"><p>خبر رقم ${i} — ١٢:٣٣</p></html>\n`;

for (const thread of [true, false]) {
  test(`FileWriter (${thread ? "own thread" : "main thread"}) writes every page, folders included, once close() resolves`, async () => {
    const dir = fresh(`pages-${thread}`);
    const writer = new FileWriter({ thread, maxQueued: 3 });
    assert.is(writer.threaded, thread);
    const files = Array.from({ length: 40 }, (_, i) => join(dir, "news", String(i % 7), `a${i}`, "index.html"));
    for (let i = 0; i < files.length; i++) await writer.write(files[i], page(i));
    await writer.close();
    for (let i = 0; i < files.length; i++) assert.is(readFileSync(files[i], "utf8"), page(i), files[i]);
  });
}

for (const thread of [true, false]) {
  test(`FileWriter (${thread ? "own thread" : "main thread"}) names the files missing from a folder, while pages are written`, async () => {
    const dir = fresh(`missing-${thread}`);
    for (const f of ["a/index.html", "أخبار/ب/index.html", "feed.xml"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
    }
    const writer = new FileWriter({ thread });
    const asked = ["a/index.html", "gone/index.html", "أخبار/ب/index.html", "أخبار/ج/index.html", "feed.xml"];
    const check = writer.missing(dir, asked);
    await writer.write(join(dir, "new", "index.html"), page(1)); // handed over after the check
    assert.equal(await check, ["gone/index.html", "أخبار/ج/index.html"]);
    await writer.close();
    assert.is(readFileSync(join(dir, "new", "index.html"), "utf8"), page(1));
  });
}

test("FileWriter on its own thread keeps at most maxQueued pages handed over and unwritten", async () => {
  const dir = fresh("queue");
  const writer = new FileWriter({ thread: true, maxQueued: 2 });
  const big = "ب".repeat(200_000);
  let maxSeen = 0;
  for (let i = 0; i < 12; i++) {
    await writer.write(join(dir, `p${i}.html`), big);
    maxSeen = Math.max(maxSeen, (writer as unknown as { queued: number }).queued);
  }
  await writer.close();
  assert.ok(maxSeen <= 2, `queue stayed bounded (max ${maxSeen})`);
  assert.is(readFileSync(join(dir, "p11.html"), "utf8").length, 200_000);
});

for (const thread of [true, false]) {
  test(`FileWriter (${thread ? "own thread" : "main thread"}) reports a failed write with the file's name`, async () => {
    const dir = fresh(`fail-${thread}`);
    // A file where a folder must go: the write below it cannot succeed.
    writeFileSync(join(dir, "blocked"), "not a folder");
    const target = join(dir, "blocked", "page", "index.html");
    const writer = new FileWriter({ thread });
    let error: unknown;
    try {
      await writer.write(target, page(1));
      await writer.close();
    } catch (e) {
      error = e;
      await writer.close().catch(() => {});
    }
    assert.instance(error, AkhbarError);
    assert.match((error as Error).message, target);
    assert.not.ok(existsSync(target));
  });
}

test("AKHBAR_WRITE_THREAD=0 writes on the main thread", async () => {
  const before = process.env.AKHBAR_WRITE_THREAD;
  process.env.AKHBAR_WRITE_THREAD = "0";
  try {
    const writer = new FileWriter();
    assert.is(writer.threaded, false);
    await writer.close();
  } finally {
    if (before === undefined) delete process.env.AKHBAR_WRITE_THREAD;
    else process.env.AKHBAR_WRITE_THREAD = before;
  }
  const writer = new FileWriter();
  assert.is(writer.threaded, process.env.AKHBAR_WRITE_THREAD !== "0");
  await writer.close();
});

test.run();
