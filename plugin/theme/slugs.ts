/**
 * URL slugs for Arabic names. Eleventy's `slugify` transliterates Arabic lossily (الحرب and الهرب
 * both become "alhrb"), so Akhbar keeps names as Unicode: harakat, tatweel and punctuation are
 * dropped, whitespace becomes "-", Latin is lower-cased. Paths on disk are UTF-8; links are
 * percent-encoded. Names that give the same slug (the same word with
 * and without harakat, "الغوطة الشرقية" / "الغوطة-الشرقية") are one tag: the slug is the identity,
 * and the spelling seen first in date order is the one displayed. Distinct words never share a slug.
 */
import { AkhbarError } from "../errors.js";

const HARAKAT_TATWEEL = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;
const BIDI_AND_ZW = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The slug of a tag, source or editor name. */
export function slugify(name: string): string {
  return name
    .normalize("NFC")
    .replace(HARAKAT_TATWEEL, "")
    .replace(BIDI_AND_ZW, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .trim()
    .replace(/[\s-]+/g, "-");
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
