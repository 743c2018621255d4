/**
 * Front matter: split the `---` fence by hand (faster than gray-matter at archive scale) and
 * parse it with js-yaml's core schema (dates stay strings, so a date-only value is never shifted
 * to UTC midnight).
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { AkhbarError } from "../errors.js";

export interface FrontMatterFile {
  data: Record<string, unknown>;
  body: string;
}

const FENCE = /^---[ \t]*\r?\n/;

/** Split and parse a Markdown file's front matter; throws AkhbarError naming the file. */
export function parseFrontMatter(text: string, file: string): FrontMatterFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = FENCE.exec(source);
  if (!open) return { data: {}, body: source };
  const start = open[0].length;
  const rest = source.slice(start);
  const end = rest.search(/^---[ \t]*(\r?\n|$)/m);
  if (end === -1) {
    throw new AkhbarError("front matter is not closed: a line '---' is missing after the YAML block", {
      file,
      field: "front matter",
    });
  }
  const yaml = rest.slice(0, end);
  const body = rest.slice(end).replace(/^---[ \t]*(\r?\n)?/, "");
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new AkhbarError(`malformed YAML front matter: ${reason}`, { file, field: "front matter", cause: error });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new AkhbarError("front matter must be a YAML mapping (key: value lines)", { file, field: "front matter" });
  }
  return { data: data as Record<string, unknown>, body };
}
