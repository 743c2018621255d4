// Builds the bundled sample archive: input src/, theme data in _data/, layouts in _includes/.
// A site owner's config looks the same, with their own options.
import akhbar from "eleventy-plugin-akhbar";

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(akhbar, {
    theme: true,
    timeZone: "Asia/Damascus",
    months: "levant",
    digits: "latn",
  });
}

export const config = {
  dir: {
    input: "src",
    includes: "../_includes",
    data: "../_data",
    output: "_site",
  },
};
