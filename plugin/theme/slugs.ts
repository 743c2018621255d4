/**
 * URL slugs for Arabic names. Eleventy's `slugify` transliterates Arabic lossily (الحرب and الهرب
 * both become "alhrb"), so Akhbar keeps names as Unicode: harakat, tatweel and punctuation are
 * dropped, whitespace becomes "-", Latin is lower-cased. Paths on disk are UTF-8; links are
 * percent-encoded. Names that give the same slug (the same word with
 * and without harakat, "الغوطة الشرقية" / "الغوطة-الشرقية") are one tag: the slug is the identity,
 * and the spelling seen first in date order is the one displayed. Distinct words never share a slug.
 */
import { createHash } from "node:crypto";
import { AkhbarError } from "../errors.js";
import { BoundedMemo } from "../memo.js";

const HARAKAT_TATWEEL = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;
const BIDI_AND_ZW = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Longest slug in UTF-8 bytes. A slug is a folder name on disk, and file systems refuse names over
 * 255 bytes (a 10,000-character tag crashed the build with ENAMETOOLONG, naming no file: see
 * test/quality/hostile.test.ts). Longer slugs keep their start and end with a hash of the whole.
 */
export const MAX_SLUG_BYTES = 120;

/** Cut `slug` to MAX_SLUG_BYTES: its first characters, "-", 10 hex digits of its SHA-256 (distinct names stay distinct). */
function capSlug(slug: string): string {
  if (Buffer.byteLength(slug, "utf8") <= MAX_SLUG_BYTES) return slug;
  const digest = createHash("sha256").update(slug).digest("hex").slice(0, 10);
  let head = "";
  for (const ch of slug) {
    if (Buffer.byteLength(head + ch, "utf8") > MAX_SLUG_BYTES - digest.length - 1) break;
    head += ch;
  }
  return `${head.replace(/-+$/, "")}-${digest}`;
}

/** Slugs by name: every article names its tags, sources and editors again (10,000 articles: ~80 ms). */
const slugs = new BoundedMemo<string, string>(50_000);

/** The slug of a tag, source or editor name. */
export function slugify(name: string): string {
  return slugs.get(name, slugOf);
}

function slugOf(name: string): string {
  return capSlug(
    name
      .normalize("NFC")
      .replace(HARAKAT_TATWEEL, "")
      .replace(BIDI_AND_ZW, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
      .trim()
      .replace(/[\s-]+/g, "-"),
  );
}

/** Percent-encode a site path for use in href (keeps "/"). */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
}

/** Require a non-empty slug for `name`; throws AkhbarError naming the file and field. */
export function requireSlug(name: string, kind: string, file?: string): string {
  const slug = slugify(name);
  if (slug === "") {
    throw new AkhbarError(`the ${kind} ${JSON.stringify(name)} has no letters or digits to make a URL from`, {
      file,
      field: kind,
    });
  }
  return slug;
}
