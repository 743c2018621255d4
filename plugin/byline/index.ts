/** Bylines: "تحرير: رامي الخطيب، سلمى الأحمد" with links to editor pages, and the editor registry. */
import { AkhbarError } from "../errors.js";
import { escapeHtml, safeUrl } from "../html.js";
import { normalizeName } from "../sources/normalize.js";
import { safeText } from "../sources/render.js";

/** One entry of `_data/editors.json`. */
export interface EditorEntry {
  name: string;
  role?: string;
  aliases: string[];
}

export interface EditorRegistry {
  readonly entries: readonly EditorEntry[];
  readonly file?: string;
  lookup(name: string): EditorEntry | undefined;
}

/** Validate `_data/editors.json` entries ({ name, role?, aliases? }); errors name file, index and field. */
export function createEditorRegistry(entries: unknown, options: { file?: string } = {}): EditorRegistry {
  const { file } = options;
  if (!Array.isArray(entries)) throw new AkhbarError(`expected a list of editors, got ${typeof entries}`, { file, field: "editors" });
  const byKey = new Map<string, EditorEntry>();
  const list = entries.map((raw: unknown, index) => {
    const at = (field: string) => `[${index}].${field}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new AkhbarError(`entry ${index} must be an object, got ${JSON.stringify(raw)}`, { file, field: `[${index}]` });
    }
    const record = raw as Record<string, unknown>;
    const name = typeof record.name === "string" ? record.name.trim() : "";
    if (name === "") throw new AkhbarError(`expected a non-empty name, got ${JSON.stringify(record.name)}`, { file, field: at("name") });
    if (record.role !== undefined && typeof record.role !== "string") {
      throw new AkhbarError(`expected a string, got ${JSON.stringify(record.role)}`, { file, field: at("role") });
    }
    const aliases = record.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string" || a.trim() === "")) {
      throw new AkhbarError(`expected a list of names, got ${JSON.stringify(record.aliases)}`, { file, field: at("aliases") });
    }
    const entry: EditorEntry = { name, aliases: aliases.map((a: string) => a.trim()), ...(record.role ? { role: record.role as string } : {}) };
    for (const [i, key] of [name, ...entry.aliases].map((n, i) => [i, normalizeName(n)] as const)) {
      const previous = byKey.get(key);
      if (previous && previous !== entry) {
        throw new AkhbarError(`"${key}" is already used by "${previous.name}"`, { file, field: i === 0 ? at("name") : at(`aliases[${i - 1}]`) });
      }
      byKey.set(key, entry);
    }
    return entry;
  });
  return {
    entries: list,
    file,
    lookup: (name: string) => (typeof name === "string" ? byKey.get(normalizeName(name)) : undefined),
  };
}

export interface BylineOptions {
  registry?: EditorRegistry;
  /** The theme's page for an editor (gets the registry's canonical name when known). */
  editorUrl?: (name: string) => string | undefined;
  /** "ar" (default): "تحرير:" and "، "; "en": "Editing:" and ", ". */
  lang?: string;
  /** Called once per name the registry does not know (only when a registry is given). */
  onUnknown?: (name: string) => void;
}

/** Editor names from a front-matter value: a string ("أ، ب" is split at commas) or a list. */
export function editorNames(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\u060C,]/) : [];
  const names: string[] = [];
  for (const item of raw) {
    if (typeof item !== "string") continue;
    const name = item.replace(/\s+/g, " ").trim();
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `<p class="akhbar-byline">تحرير: <a href="…">name</a>، <a …>name</a></p>`, or "" without names. */
export function renderByline(editors: unknown, options: BylineOptions = {}): string {
  const names = editorNames(editors);
  if (names.length === 0) return "";
  const en = options.lang === "en";
  const links = names.map((written) => {
    const entry = options.registry?.lookup(written);
    if (options.registry && !entry) options.onUnknown?.(written);
    const name = entry?.name ?? written;
    const href = safeUrl(options.editorUrl?.(name));
    const text = `<bdi>${safeText(name)}</bdi>`;
    return href ? `<a href="${escapeHtml(href)}" rel="author">${text}</a>` : `<span class="akhbar-byline__name">${text}</span>`;
  });
  const label = en ? "Editing:" : "تحرير:";
  return `<p class="akhbar-byline"><span class="akhbar-byline__label">${label}</span> ${links.join(en ? ", " : "، ")}</p>`;
}
