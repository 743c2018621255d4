import { test } from "uvu";
import * as assert from "uvu/assert";
import { BoundedMemo } from "../plugin/memo.js";

test("BoundedMemo computes a key once, and empties itself when full", () => {
  const calls: string[] = [];
  const make = (key: string) => (calls.push(key), key.toUpperCase());
  const memo = new BoundedMemo<string, string>(2);
  assert.is(memo.get("a", make), "A");
  assert.is(memo.get("a", make), "A");
  assert.is(memo.get("b", make), "B");
  assert.equal(calls, ["a", "b"], "hits are not recomputed");
  assert.is(memo.get("c", make), "C"); // full: emptied, then c
  assert.is(memo.get("a", make), "A");
  assert.equal(calls, ["a", "b", "c", "a"], "after the reset, a is made again");
});

test.run();
