/**
 * Shortcodes and filters for authors. Each is registered as a universal shortcode AND a filter,
 * so it works in Nunjucks, Liquid, 11ty.js and Markdown (through the template pre-pass).
 * Names are prefixed `akhbar` so they do not collide with a site's own.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { dateHtml, formatDate } from "../dates/index.js";
import type { Calendar } from "../dates/types.js";
import { dateOptionsOf, type ResolvedOptions } from "../options.js";
import { createSourceRegistry, type SourceRegistry } from "../sources/registry.js";
import { parseAttribution } from "../sources/parse.js";
import { renderAttribution, createWarnOnce } from "../sources/render.js";
import { renderByline } from "../byline/index.js";
import { renderTicker } from "../ticker/index.js";
import { slugify, encodePath } from "../theme/slugs.js";
import { withFile } from "../errors.js";
import type { ShortcodeThis, UserConfig } from "./types.js";

const CALENDARS: Calendar[] = ["gregorian", "hijri", "dual"];

function fileOf(self: ShortcodeThis | undefined): string | undefined {
  return self?.page?.inputPath;
}

/** Run `fn`, re-throwing any error with the template file that called it. */
function inTemplate<T>(self: ShortcodeThis | undefined, name: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const file = fileOf(self);
    throw file ? withFile(error, file, name) : error;
  }
}

export function registerShortcodes(config: UserConfig, options: ResolvedOptions, dataDir: string, root: string): void {
  const dateOptions = dateOptionsOf(options);
  let registry: SourceRegistry | undefined;
  const loadRegistry = () => {
    const file = join(dataDir, "sources.json");
    registry = existsSync(file)
      ? createSourceRegistry(JSON.parse(readFileSync(file, "utf8")), { file: relative(root, file) })
      : undefined;
  };
  config.on("eleventy.before", loadRegistry);
  const warnOnce = createWarnOnce((message) => console.warn(`[akhbar] ${message}`));
  const sourceUrl = options.theme ? (entry: { name: string }) => encodePath(`/sources/${slugify(entry.name)}/`) : undefined;
  const editorUrl = options.theme ? (name: string) => encodePath(`/editors/${slugify(name)}/`) : undefined;

  const both = (name: string, fn: (this: ShortcodeThis, ...args: any[]) => string) => {
    config.addShortcode(name, fn);
    config.addFilter(name, fn);
  };

  /** {% akhbarDate page.date %}, {% akhbarDate "2017-05-18", "hijri" %}, {{ date | akhbarDate("gregorian") }} */
  both("akhbarDate", function (this: ShortcodeThis, date: unknown, calendar: unknown = "dual") {
    return inTemplate(this, "akhbarDate", () => {
      const cal = CALENDARS.includes(calendar as Calendar) ? (calendar as Calendar) : "dual";
      return dateHtml(date as string, { ...dateOptions, calendar: cal });
    });
  });

  /** Plain text (no markup): for <title>, attributes, feeds. */
  both("akhbarDateText", function (this: ShortcodeThis, date: unknown, calendar: unknown = "dual") {
    return inTemplate(this, "akhbarDateText", () => {
      const cal = CALENDARS.includes(calendar as Calendar) ? (calendar as Calendar) : "dual";
      return formatDate(date as string, { ...dateOptions, calendar: cal });
    });
  });

  /** {% akhbarSources "ناشطون+ إعلام النظام" %} or {% akhbarSources sources %} (a list). */
  both("akhbarSources", function (this: ShortcodeThis, sources: unknown) {
    return inTemplate(this, "akhbarSources", () => {
      if (registry === undefined) loadRegistry();
      const names = typeof sources === "string" ? parseAttribution(sources, registry) : sources;
      const file = fileOf(this);
      return renderAttribution(names, {
        registry,
        sourceUrl,
        lang: options.lang,
        strict: options.strictSources,
        file,
        onUnknown: (name) => warnOnce(`${file ?? "a template"}: unknown source "${name}" (add it to _data/sources.json)`),
      });
    });
  });

  /** {% akhbarByline editor %}: one name or a list. */
  both("akhbarByline", function (this: ShortcodeThis, editors: unknown) {
    return inTemplate(this, "akhbarByline", () => renderByline(editors, { lang: options.lang, editorUrl }));
  });

  /** {% akhbarTicker breaking %}: a list of { text, sources, time, url }. */
  both("akhbarTicker", function (this: ShortcodeThis, items: unknown) {
    return inTemplate(this, "akhbarTicker", () => {
      if (registry === undefined) loadRegistry();
      return renderTicker(items, {
        registry,
        sourceUrl,
        lang: options.lang,
        timeZone: options.timeZone,
        digits: options.digits,
        speed: options.ticker.speed,
        limit: options.ticker.max,
        file: fileOf(this),
      });
    });
  });
}
