import { test } from "uvu";
import * as assert from "uvu/assert";
import { getHeapStatistics } from "node:v8";
import { HeapGuard } from "../plugin/eleventy/heap.js";

const MiB = 1024 * 1024;

/** About 1 MiB on the V8 heap (an array of 128 Ki doubles; strings from repeat() would share their characters). */
const chunk = (seed: number): number[] => Array.from({ length: 128 * 1024 }, (_, k) => k + seed + 0.5);


test("HeapGuard collects the garbage once the heap grows by its budget, and not before", () => {
  const guard = new HeapGuard({ budget: 16 * MiB, every: 1 });
  assert.is(guard.collections, 1, "the guard starts from a collected heap");
  guard.tick();
  assert.is(guard.collections, 1, "no growth, no collection");
  // Keep the garbage reachable until the guard looks, so that only the guard's collection frees it.
  const held: number[][] = [];
  for (let i = 0; i < 96; i++) held.push(chunk(i)); // more than the budget and than half the live heap
  const before = getHeapStatistics().used_heap_size;
  held.length = 0;
  guard.tick();
  assert.is(guard.collections, 2, "a heap grown past the budget is collected");
  const after = getHeapStatistics().used_heap_size;
  assert.ok(after < before - 16 * MiB, `the collection freed the garbage (${before >> 20} MiB -> ${after >> 20} MiB)`);
});

test("HeapGuard with collectFirst: false starts without a collection and counts its budget from the heap as it is", () => {
  const held: number[][] = [];
  const guard = new HeapGuard({ budget: 16 * MiB, every: 1, collectFirst: false });
  assert.is(guard.collections, 0, "no collection to start with");
  for (let i = 0; i < 8; i++) held.push(chunk(i)); // ~8 MiB: under the budget
  guard.tick();
  assert.is(guard.collections, 0, "growth under the budget");
  for (let i = 0; i < 96; i++) held.push(chunk(i));
  guard.tick();
  assert.is(guard.collections, 1, "growth past the budget is collected");
  assert.is(held.length, 104);
});

test("HeapGuard looks at the heap only every `every` pages", () => {
  const guard = new HeapGuard({ budget: 1, every: 3 });
  const held: number[][] = [];
  for (let i = 0; i < 96; i++) held.push(chunk(i)); // growth past any budget the guard allows
  guard.tick();
  guard.tick();
  assert.is(guard.collections, 1, "two pages: not looked yet");
  guard.tick();
  assert.is(guard.collections, 2, "the third page looks and collects");
  assert.is(held.length, 96);
});

test("HeapGuard can be turned off (option, or AKHBAR_HEAP_GUARD=0)", () => {
  const held: number[][] = [];
  const off = new HeapGuard({ budget: 1, every: 1, enabled: false });
  for (let i = 0; i < 32; i++) held.push(chunk(i));
  off.tick();
  assert.is(off.collections, 0);
  process.env.AKHBAR_HEAP_GUARD = "0";
  try {
    const fromEnv = new HeapGuard({ budget: 1, every: 1 });
    fromEnv.tick();
    assert.is(fromEnv.collections, 0);
  } finally {
    delete process.env.AKHBAR_HEAP_GUARD;
  }
  assert.is(held.length, 32);
});

test.run();
