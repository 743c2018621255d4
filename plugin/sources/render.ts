/** HTML for a source attribution: `(ناشطون + إعلام النظام)` with one <cite> per source. */
import { AkhbarError } from "../errors.js";
import { escapeHtml, safeUrl, stripBidiControls } from "../html.js";
import { kindLabel } from "./kinds.js";
import { normalizeName } from "./normalize.js";
import type { SourceEntry, SourceRegistry } from "./registry.js";

export interface AttributionOptions {
  registry?: SourceRegistry;
  /** The theme's page about a source, if it has one (checked with safeUrl). */
  sourceUrl?: (entry: SourceEntry) => string | undefined;
  /** "ar" (default) or "en": language of the kind labels. */
  lang?: string;
  /** Called once per unknown name in this call (dedupe across a build with createWarnOnce). */
  onUnknown?: (name: string) => void;
  /** Throw an AkhbarError naming `file` and the source instead of calling onUnknown. */
  strict?: boolean;
  /** The article or data file being rendered, for messages. */
  file?: string;
  /** Show the visible kind label after each source (default true). */
  showKind?: boolean;
  /** Put the source's description in the tooltip (default true). Off where sources repeat on
   * every page (the ticker, listing cards): the kind still shows; the description is on the
   * article and source pages. */
  describe?: boolean;
}

/** Untrusted text for HTML: bidi overrides removed, then escaped. */
export function safeText(value: unknown): string {
  return escapeHtml(stripBidiControls(String(value ?? "")));
}

function renderSource(name: string, entry: SourceEntry | undefined, options: AttributionOptions): string {
  const text = safeText(name);
  if (!entry) return `<cite class="akhbar-source akhbar-source--unknown">${text}</cite>`;
  const lang = options.lang === "en" ? "en" : "ar";
  const label = kindLabel(entry.kind, lang);
  const title = entry.description && options.describe !== false ? `${label}: ${entry.description}` : label;
  const href = safeUrl(options.sourceUrl?.(entry));
  const inner = href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
  const cite = `<cite class="akhbar-source akhbar-source--${entry.kind}" data-kind="${entry.kind}" title="${safeText(title)}">${inner}</cite>`;
  // The kind is visible text, not only a tooltip: touch and keyboard users see it too. When the
  // name already says it ("ناشطون محليون" of kind activists) the label would only repeat it.
  // The separator keeps the label apart when CSS is off; the stylesheet hides it behind a badge.
  const showKind = options.showKind !== false && !normalizeName(name).includes(normalizeName(label));
  const sep = lang === "en" ? ", " : "، ";
  return showKind
    ? `${cite}<small class="akhbar-kind" data-kind="${entry.kind}"><span class="akhbar-kind__sep">${sep}</span>${escapeHtml(label)}</small>`
    : cite;
}

/**
 * `<span class="akhbar-attribution"><bdi dir="rtl">(<cite …>ناشطون</cite> + <cite …>…</cite>)</bdi></span>`.
 * An empty list renders "". Unknown names render unlinked, with no kind, and are reported.
 */
export function renderAttribution(sources: unknown, options: AttributionOptions = {}): string {
  const names = (Array.isArray(sources) ? sources : typeof sources === "string" ? [sources] : [])
    .filter((name): name is string => typeof name === "string" && name.trim() !== "")
    .map((name) => name.trim());
  if (names.length === 0) return "";
  const reported = new Set<string>();
  const parts = names.map((name) => {
    const entry = options.registry?.lookup(name);
    if (!entry && options.registry) {
      if (options.strict) {
        throw new AkhbarError(`unknown source "${name}" (not in ${options.registry.file ?? "the source registry"})`, {
          file: options.file,
          field: "sources",
        });
      }
      const key = normalizeName(name);
      if (!reported.has(key)) {
        reported.add(key);
        options.onUnknown?.(name);
      }
    }
    return renderSource(name, entry, options);
  });
  // An explicit dir: with dir=auto a first name in Latin letters (Reuters) would turn the whole
  // attribution left-to-right inside an Arabic sentence.
  const dir = options.lang === "en" ? "ltr" : "rtl";
  return `<span class="akhbar-attribution"><bdi dir="${dir}">(${parts.join(" + ")})</bdi></span>`;
}

/** Wrap a warning function so that it fires once per (normalised) source name for a whole build. */
export function createWarnOnce(warn: (name: string) => void): (name: string) => void {
  const seen = new Set<string>();
  return (name: string) => {
    const key = normalizeName(name);
    if (seen.has(key)) return;
    seen.add(key);
    warn(name);
  };
}
