#!/usr/bin/env node
// Runs every test file under test/ with uvu (TypeScript through tsx) and ends with one line
// "N passed, N failed" summing all files. Exit code is non-zero when any test failed.
// Usage: node scripts/test.mjs [pattern]   e.g. node scripts/test.mjs dates
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const uvu = join(repo, "node_modules", "uvu", "bin.js");
const pattern = process.argv[2] ?? "\\.test\\.ts$";

const child = spawn(process.execPath, [uvu, "-r", "tsx", "-i", "\\.tmp|fixtures|helpers", "test", pattern], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
});
let output = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  output += chunk;
});
child.on("close", (code) => {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    console.log("0 passed, 1 failed");
    console.error("test runner: uvu did not report totals (a test file crashed while loading?)");
    process.exit(1);
  }
  const failed = code === 0 ? total - passed : Math.max(1, total - passed);
  console.log(`${passed} passed, ${failed} failed`);
  // The sites tests build land in test/.tmp: kept when something failed (to look at), else removed
  // so that no built site (its scripts, its copies of the theme) lingers in the tree.
  if (failed === 0 && code === 0 && !process.env.KEEP_TEST_TMP) rmSync(join(repo, "test", ".tmp"), { recursive: true, force: true });
  process.exit(failed > 0 || code !== 0 ? 1 : 0);
});
