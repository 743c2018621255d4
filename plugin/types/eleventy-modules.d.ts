declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: (eleventyConfig: unknown, options?: unknown) => void;
  export default rssPlugin;
}

declare module "@11ty/eleventy" {
  export const RenderPlugin: (eleventyConfig: unknown, options?: unknown) => void;
}
