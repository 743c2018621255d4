// Bare baseline for the benchmark (issue 8): stock Eleventy, one .md template per article, ONE
// minimal Nunjucks layout, nothing else (no plugins, no collections, no filters).
// The harness runs it from the corpus folder:
//   node node_modules/@11ty/eleventy/cmd.cjs --config bench/bare/eleventy.config.mjs \
//        --input src --output bench/.out/bare --quiet        (cwd: bench/.corpus/<N>)
// Markdown keeps Eleventy's defaults (Liquid pre-pass over .md, markdown-it), like a site owner's
// first build would.
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const includes = join(dirname(fileURLToPath(import.meta.url)), "_includes");

export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "bare.njk");
  return {
    // Eleventy resolves the includes folder relative to the input folder ("src" in the cwd).
    dir: { input: "src", includes: relative(resolve("src"), includes) },
  };
}
