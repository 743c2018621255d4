/**
 * A small, careful HTML tag tokenizer for the gates: start tags with their attributes (entity
 * decoded), with comments skipped and the raw text of <script>/<style>/<textarea>/<title> kept
 * apart (markup inside them is text, not tags). Written for the theme's output and for hostile
 * input; it follows the HTML tokenizer where that matters for injection (unquoted, single- and
 * double-quoted values, `/` between attributes, case-insensitive names).
 */

export interface Tag {
  /** Lower-case tag name. */
  name: string;
  /** Lower-case attribute name → decoded value ("" for a bare attribute). First one wins, as in browsers. */
  attrs: Map<string, string>;
  /** For <script>, <style>, <textarea>, <title>: the raw text up to the closing tag. */
  text?: string;
  /** Offset of the `<` in the source. */
  offset: number;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", colon: ":", tab: "\t", newline: "\n" };

/** Decode character references the way an attribute value is decoded (enough for URLs and text). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/|\s+/y;

/** Every start tag of `html`, in order. */
export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const m = /^<([a-zA-Z][^\s\/>]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const name = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    let j = lt + m[0].length;
    while (j < html.length && html[j] !== ">") {
      ATTR.lastIndex = j;
      const a = ATTR.exec(html);
      if (!a || a[0] === "") {
        j++;
        continue;
      }
      j = ATTR.lastIndex;
      if (a[1]) {
        const key = a[1].toLowerCase();
        if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""));
      }
    }
    const tag: Tag = { name, attrs, offset: lt };
    i = j + 1;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close === -1 ? html.length : close;
      tag.text = html.slice(i, end);
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}

/** Attributes that hold one URL. */
export const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "cite", "data", "background", "xlink:href"];

/** Every URL an element refers to: URL attributes plus each candidate of srcset. */
export function urlsOf(tag: Tag): string[] {
  const urls: string[] = [];
  for (const name of URL_ATTRIBUTES) {
    const value = tag.attrs.get(name);
    if (value !== undefined) urls.push(value.trim());
  }
  const srcset = tag.attrs.get("srcset");
  if (srcset) for (const candidate of srcset.split(",")) urls.push(candidate.trim().split(/\s+/)[0]);
  return urls;
}
