/**
 * The theme's CSS, JS and fonts. CSS is processed by PostCSS and minified into ONE file whose
 * name carries a content hash (cache-busting; never inlined into thousands of pages). The site's
 * own `_includes/akhbar/css/<name>.css` replaces the shipped file of the same name.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import postcss, { type Plugin } from "postcss";

export const CSS_FILES = ["theme.css", "ticker.css", "search.css", "print.css"];
export const JS_FILES = ["ticker.js", "search.js"];

export interface BuiltAssets {
  css: string;
  cssPath: string;
  cssText: string;
  js: string;
  jsPath: string;
  jsText: string;
  font: string;
}

/** Fonts: Noto Naskh Arabic (SIL OFL) from @fontsource, Arabic subset in the two weights used. */
export const FONT_FILES = ["noto-naskh-arabic-arabic-400-normal.woff2", "noto-naskh-arabic-arabic-700-normal.woff2"];
export const FONT_DIR = "/assets/fonts/";

export function fontSourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@fontsource/noto-naskh-arabic/package.json")), "files");
}

/** Drops comments and formatting whitespace: enough minification for hand-written CSS. */
export const minify: Plugin = {
  postcssPlugin: "akhbar-minify",
  OnceExit(root) {
    root.walkComments((comment) => {
      comment.remove();
    });
    root.walk((node) => {
      node.raws.before = "";
      node.raws.after = "";
      if (node.type === "decl") {
        node.raws.between = ":";
        node.value = node.value.replace(/\s*,\s*/g, ",").replace(/\s+/g, " ").trim();
      }
      if (node.type === "rule") {
        node.raws.between = "";
        node.raws.semicolon = false;
        node.selector = node.selector.replace(/\s*([,>+~])\s*/g, "$1").replace(/\s+/g, " ").trim();
      }
      if (node.type === "atrule") {
        node.raws.between = "";
        node.raws.afterName = " ";
        node.params = node.params.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").trim();
        node.raws.semicolon = false;
      }
    });
    root.raws.after = "";
  },
};

function hashed(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}

function readAsset(kind: "css" | "js", name: string, siteIncludes: string, packageIncludes: string): string {
  const own = join(siteIncludes, "akhbar", kind, name);
  if (existsSync(own)) return readFileSync(own, "utf8");
  const shipped = join(packageIncludes, "akhbar", kind, name);
  return existsSync(shipped) ? readFileSync(shipped, "utf8") : "";
}

export async function buildAssets(dirs: { includes: string }, packageIncludes: string): Promise<BuiltAssets> {
  const fontFace = FONT_FILES.map((file) => {
    const weight = /-(\d00)-/.exec(file)![1];
    return `@font-face{font-family:"Noto Naskh Arabic";font-style:normal;font-weight:${weight};font-display:swap;src:url(${FONT_DIR}${file}) format("woff2");unicode-range:U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0898-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EFD-10EFF,U+1EE00-1EEFF;}`;
  }).join("\n");
  const source = [fontFace, ...CSS_FILES.map((name) => readAsset("css", name, dirs.includes, packageIncludes))].join("\n");
  const result = await postcss([minify]).process(source, { from: undefined });
  const cssText = result.css;
  const cssPath = `/assets/akhbar.${hashed(cssText)}.css`;
  const jsText = JS_FILES.map((name) => readAsset("js", name, dirs.includes, packageIncludes)).filter(Boolean).join("\n");
  const jsPath = `/assets/akhbar.${hashed(jsText)}.js`;
  return { css: cssPath, cssPath, cssText, js: jsPath, jsPath, jsText, font: `${FONT_DIR}${FONT_FILES[0]}` };
}
