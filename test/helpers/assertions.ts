/** Assertions shared by several test files. */
import * as assert from "uvu/assert";
import { AkhbarError } from "../../plugin/errors.js";

/** Run `fn`, expect an AkhbarError whose message matches `pattern`, and return it. */
export function throwsAkhbar(fn: () => unknown, pattern: RegExp): AkhbarError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof AkhbarError, `expected an AkhbarError, got ${String(error)}`);
  assert.match((error as Error).message, pattern);
  return error as AkhbarError;
}

/** Tag and attribute names present in `html`: an injected element or handler shows up here. */
export function markup(html: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(m[1].toLowerCase());
    // Strip quoted values, then what is left are attribute names.
    for (const a of m[2].replace(/"[^"]*"/g, "").matchAll(/([^\s=\/]+)/g)) attributes.add(a[1].toLowerCase());
  }
  return { tags, attributes };
}
