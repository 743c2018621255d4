/** HTML escaping and URL safety: every string that reaches HTML goes through here. */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const ESCAPE_RE = /[&<>"']/g;

/** Escape text for element content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return ESCAPE_RE.test(text) ? text.replace(ESCAPE_RE, (c) => ESCAPES[c]) : text;
}

/** Bidi controls that can reorder surrounding text (U+202A-U+202E, U+2066-U+2069). */
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

/** Remove explicit bidi embedding/override/isolate controls from untrusted text. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_OVERRIDES, "");
}

/**
 * A URL that is safe to put in href/src: http(s), protocol-relative is refused, relative paths,
 * query-only and fragment links are kept. Anything else (javascript:, data:, vbscript:, …)
 * returns undefined.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  // Browsers ignore ASCII whitespace and control characters inside the scheme.
  const trimmed = url.trim();
  if (trimmed === "") return undefined;
  const compact = trimmed.replace(/[\u0000-\u0020\u007f]+/g, "");
  if (compact.startsWith("//")) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    return name === "http" || name === "https" ? trimmed : undefined;
  }
  return trimmed;
}

/** First Strong Isolate … Pop Directional Isolate: isolates text in plain-text contexts. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
