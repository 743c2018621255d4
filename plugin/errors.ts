/**
 * The one error type Akhbar throws for bad input. Callers (and fuzz tests) can rely on it:
 * anything else escaping from a parser is a bug.
 */
export class AkhbarError extends Error {
  /** The file the bad value came from, when known (an article, a data file, a saved page). */
  file?: string;
  /** The front-matter field, option or argument that holds the bad value, when known. */
  field?: string;

  constructor(message: string, details: { file?: string; field?: string; cause?: unknown } = {}) {
    const where = [details.file, details.field ? `field "${details.field}"` : undefined]
      .filter(Boolean)
      .join(", ");
    super(where ? `${where}: ${message}` : message, details.cause ? { cause: details.cause } : undefined);
    this.name = "AkhbarError";
    this.file = details.file;
    this.field = details.field;
  }
}

/** Re-throw `error` with the file (and field) that caused it added to its message. */
export function withFile(error: unknown, file: string, field?: string): AkhbarError {
  if (error instanceof AkhbarError) {
    if (error.file) return error;
    return new AkhbarError(error.message, { file, field: field ?? error.field, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AkhbarError(message, { file, field, cause: error });
}
