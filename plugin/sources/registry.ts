/** The source registry: `_data/sources.json` validated once, then looked up by name or alias. */
import { AkhbarError } from "../errors.js";
import { safeUrl } from "../html.js";
import { isSourceKind, SOURCE_KINDS, type SourceKind } from "./kinds.js";
import { normalizeName } from "./normalize.js";

/** One entry of `_data/sources.json`. */
export interface SourceEntry {
  name: string;
  aliases: string[];
  kind: SourceKind;
  /** The source's own site (http(s) or relative); not the theme's page about the source. */
  url?: string;
  description?: string;
}

export interface SourceRegistry {
  readonly entries: readonly SourceEntry[];
  /** The file the entries came from, for error messages. */
  readonly file?: string;
  /** The entry whose name or alias matches `name` after normalisation. */
  lookup(name: string): SourceEntry | undefined;
  has(name: string): boolean;
}

export interface RegistryOptions {
  /** Named in error messages, e.g. "_data/sources.json". */
  file?: string;
  /** Fold alef variants when matching names (default true). */
  foldAlef?: boolean;
}

function fail(message: string, file: string | undefined, field: string): never {
  throw new AkhbarError(message, { file, field });
}

function optionalString(value: unknown, file: string | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") fail(`expected a string, got ${JSON.stringify(value)}`, file, field);
  return value;
}

function requiredName(value: unknown, file: string | undefined, field: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    fail(`expected a non-empty name, got ${JSON.stringify(value)}`, file, field);
  }
  return value.trim();
}

/**
 * Validate registry entries and build the look-up table. Throws AkhbarError naming the file,
 * the entry index and the field: `_data/sources.json, field "[3].kind": …`.
 */
export function createSourceRegistry(entries: unknown, options: RegistryOptions = {}): SourceRegistry {
  const { file } = options;
  const foldAlef = options.foldAlef !== false;
  if (!Array.isArray(entries)) fail(`expected a list of sources, got ${typeof entries}`, file, "sources");
  const byKey = new Map<string, { entry: SourceEntry; index: number }>();
  const list: SourceEntry[] = [];

  const claim = (name: string, entry: SourceEntry, index: number, field: string) => {
    const key = normalizeName(name, { foldAlef });
    if (key === "") fail(`name ${JSON.stringify(name)} is empty once normalised`, file, field);
    const previous = byKey.get(key);
    if (previous && previous.entry !== entry) {
      fail(`"${name}" is already used by entry ${previous.index} ("${previous.entry.name}")`, file, field);
    }
    byKey.set(key, { entry, index });
  };

  entries.forEach((raw: unknown, index: number) => {
    const at = (field: string) => `[${index}].${field}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      fail(`entry ${index} must be an object, got ${JSON.stringify(raw)}`, file, `[${index}]`);
    }
    const record = raw as Record<string, unknown>;
    const name = requiredName(record.name, file, at("name"));
    let aliases: string[] = [];
    if (record.aliases !== undefined && record.aliases !== null) {
      if (!Array.isArray(record.aliases)) fail(`expected a list of aliases, got ${JSON.stringify(record.aliases)}`, file, at("aliases"));
      aliases = record.aliases.map((alias, i) => requiredName(alias, file, at(`aliases[${i}]`)));
    }
    if (!isSourceKind(record.kind)) {
      fail(`kind ${JSON.stringify(record.kind)} of "${name}" is not one of ${SOURCE_KINDS.join(", ")}`, file, at("kind"));
    }
    const url = optionalString(record.url, file, at("url"));
    if (url !== undefined && safeUrl(url) === undefined) {
      fail(`url ${JSON.stringify(url)} of "${name}" is not an http(s) or relative link`, file, at("url"));
    }
    const description = optionalString(record.description, file, at("description"));
    const entry: SourceEntry = { name, aliases, kind: record.kind, ...(url ? { url: url.trim() } : {}), ...(description ? { description } : {}) };
    claim(name, entry, index, at("name"));
    aliases.forEach((alias, i) => claim(alias, entry, index, at(`aliases[${i}]`)));
    list.push(entry);
  });

  return {
    entries: list,
    file,
    lookup(name: string) {
      if (typeof name !== "string") return undefined;
      return byKey.get(normalizeName(name, { foldAlef }))?.entry;
    },
    has(name: string) {
      return this.lookup(name) !== undefined;
    },
  };
}
