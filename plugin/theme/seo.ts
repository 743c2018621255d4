/** schema.org NewsArticle JSON-LD for article pages. */
import type { ArticleView } from "./archive.js";

export interface SiteInfo {
  title: string;
  url: string;
  description?: string;
  author?: string;
}

interface Absolutizer {
  site: SiteInfo;
  lang: string;
  absolute(path: string): string;
  /** Mixed Arabic/Latin titles wrapped in FSI/PDI for plain-text contexts. */
  plainTitle(title: string): string;
}

/** Characters JSON may hold that must not reach a <script> as they are. */
const UNSAFE_IN_SCRIPT = /[<\u2028\u2029]/;
const UNSAFE_IN_SCRIPT_G = /[<\u2028\u2029]/g;
const SCRIPT_ESCAPES: Record<string, string> = { "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** JSON for a <script type="application/ld+json">: `<` is escaped so no text can close the script. */
export function jsonLdFor(article: ArticleView, site: Absolutizer): string {
  const a = article.a;
  const url = site.absolute(article.url);
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: site.plainTitle(a.title),
    datePublished: new Date(a.date.epochMs).toISOString(),
    dateModified: new Date((a.updated ?? a.date).epochMs).toISOString(),
    inLanguage: site.lang,
    publisher: { "@type": "NewsMediaOrganization", name: site.site.title, url: site.absolute("/") },
  };
  if (a.summary) data.description = a.summary;
  if (a.image) data.image = [site.absolute(a.image)];
  if (article.editorTerms.length) {
    const people = article.editorTerms.map((t) => ({ "@type": "Person", name: t.name, url: site.absolute(t.url) }));
    data.author = people;
    data.editor = people;
  } else {
    data.author = { "@type": "Organization", name: site.site.title };
  }
  if (article.sourceTerms.length || article.unknownSources.length) {
    data.sourceOrganization = [
      ...article.sourceTerms.map((t) => ({ "@type": "Organization", name: t.name, url: site.absolute(t.url) })),
      ...article.unknownSources.map((name) => ({ "@type": "Organization", name })),
    ];
  }
  if (article.tagTerms.length) data.keywords = article.tagTerms.map((t) => t.name).join(", ");
  const json = JSON.stringify(data);
  return UNSAFE_IN_SCRIPT.test(json) ? json.replace(UNSAFE_IN_SCRIPT_G, (c) => SCRIPT_ESCAPES[c]) : json;
}
