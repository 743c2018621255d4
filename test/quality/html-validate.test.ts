// Every page the theme writes passes html-validate with the repository's documented config
// (.htmlvalidate.json; each rule choice is explained in docs/quality.md). Zero errors.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../helpers/site.js";
import { htmlPages, sampleSite } from "./sample.js";
import { validatePages, validator } from "./validate.js";

test("the config is the documented one (recommended + document presets)", () => {
  const config = JSON.parse(readFileSync(join(REPO, ".htmlvalidate.json"), "utf8"));
  assert.equal(config.extends, ["html-validate:recommended", "html-validate:document"]);
  assert.ok(config.root, "root: true, so no parent folder's config leaks in");
});

test("every built page of the sample archive is valid HTML (zero errors)", async () => {
  const { out, files } = sampleSite();
  const pages = htmlPages(files);
  assert.ok(pages.length > 100, `${pages.length} pages`);
  const errors = await validatePages(out, pages);
  assert.equal(errors, [], `${errors.length} html-validate errors:\n${errors.slice(0, 30).join("\n")}`);
});

test("the validator really runs: a broken page fails", async () => {
  const hv = validator();
  const report = await hv.validateString(
    '<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body><p><div>x</div></p><a href="#">x</a><a href="#">x</a><img src="a.png"></body></html>',
    join(REPO, "test", ".tmp", "broken.html"),
  );
  const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  assert.ok(rules.has("wcag/h37"), "img without alt is an error");
  assert.ok(!report.valid);
});

test.run();
