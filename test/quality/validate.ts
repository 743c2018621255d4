/** html-validate with the repository's documented config (.htmlvalidate.json, see docs/quality.md). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";

/** The repository's config, exactly as `npx html-validate` would find it. */
export function validator(): HtmlValidate {
  return new HtmlValidate(new FileSystemConfigLoader());
}

/** Error messages ("page:line:col rule message") for `pages` (paths relative to `root`, which must be inside the repo). */
export async function validatePages(root: string, pages: string[]): Promise<string[]> {
  const hv = validator();
  const errors: string[] = [];
  for (const page of pages) {
    const file = join(root, page);
    const report = await hv.validateString(readFileSync(file, "utf8"), file);
    for (const m of report.results.flatMap((r) => r.messages) as Message[]) {
      errors.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return errors;
}
