import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml, safeUrl } from "../plugin/html.js";

test("escapeHtml escapes markup and quotes", () => {
  assert.is(escapeHtml(`"><img src=x onerror=alert(1)>`), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
});
test("safeUrl refuses javascript: even with whitespace tricks", () => {
  assert.is(safeUrl(" jav\tascript:alert(1)"), undefined);
  assert.is(safeUrl("/archive/2017/"), "/archive/2017/");
  assert.is(safeUrl("https://example.org/x"), "https://example.org/x");
});
test.run();
