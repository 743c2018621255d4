/**
 * The part of Eleventy's UserConfig the plugin uses. Eleventy ships no .d.ts; a small local
 * interface is simpler and documents exactly what we depend on.
 */
export type AnyFunction = (...args: any[]) => any;

export interface EleventyDirectories {
  input: string;
  includes: string;
  data: string;
  output: string;
  layouts?: string;
}

export interface UserConfig {
  directories?: EleventyDirectories;
  dir?: Partial<EleventyDirectories>;
  ignores: Set<string>;
  versionCheck(range: string): void;
  addShortcode(name: string, fn: AnyFunction): void;
  addPairedShortcode(name: string, fn: AnyFunction): void;
  addFilter(name: string, fn: AnyFunction): void;
  addAsyncFilter?(name: string, fn: AnyFunction): void;
  addNunjucksAsyncFilter(name: string, fn: AnyFunction): void;
  addGlobalData(name: string, data: unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(spec: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  addCollection(name: string, fn: AnyFunction): void;
  addPlugin(plugin: unknown, options?: unknown): unknown;
  addTransform(name: string, fn: AnyFunction): void;
  amendLibrary(engine: string, fn: AnyFunction): void;
  setLibrary(engine: string, lib: unknown): void;
  on(event: string, fn: AnyFunction): void;
  isVirtualTemplate?(path: string): boolean;
  setQuietMode?(quiet: boolean): void;
  logger?: { warn?(msg: string): void; log?(msg: string): void };
}

/** `this` inside a shortcode or filter (Eleventy 3): page data of the template being rendered. */
export interface ShortcodeThis {
  page?: { inputPath?: string; url?: string };
  ctx?: Record<string, unknown>;
}
