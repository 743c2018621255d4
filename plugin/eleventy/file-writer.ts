/**
 * Writes the archive's pages to disk on a thread of its own, so that writing (encoding to UTF-8,
 * making folders, the kernel's file work: a third of a full build, measured at 10,000 articles)
 * overlaps with rendering the next pages on the main thread.
 *
 * One file at a time, in order: writes on libuv's thread pool with up to 16 in flight had raised
 * the kernel's time on this machine class (see docs/performance.md), a single writer does not.
 * The main thread hands over at most `maxQueued` pages before it waits for the writer, so memory
 * holds a bounded queue, not the archive. `AKHBAR_WRITE_THREAD=0` (or `thread: false`) writes on
 * the main thread instead, synchronously, as before.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { AkhbarError } from "../errors.js";

/**
 * The writer thread: folders made once each, then one synchronous write per message, acknowledged;
 * a `check` message is answered with those of its files (relative to its `root`) that do not exist.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { existsSync, mkdirSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const dirs = new Set();
parentPort.on("message", (job) => {
  if (job.check) {
    parentPort.postMessage({ missing: job.check.filter((file) => !existsSync(join(job.root, file))) });
    return;
  }
  try {
    const dir = dirname(job.file);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(job.file, job.content);
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage({ file: job.file, message: error && error.message ? error.message : String(error) });
  }
});
`;

export interface FileWriterOptions {
  /** Write on a thread of its own (default: true unless AKHBAR_WRITE_THREAD=0). */
  thread?: boolean;
  /** Pages handed over and not yet written before `write` waits (default 256: ~10 MB of 20 KB pages). */
  maxQueued?: number;
}

export class FileWriter {
  private readonly worker: Worker | undefined;
  private readonly dirs = new Set<string>();
  private readonly maxQueued: number;
  private queued = 0;
  private failure: AkhbarError | undefined;
  /** Resolved when the queue shrinks below maxQueued (or drains, for close). */
  private wake: (() => void) | undefined;
  /** The pending `missing` call's answer. */
  private checked: { resolve: (missing: string[]) => void; reject: (error: Error) => void } | undefined;

  constructor(options: FileWriterOptions = {}) {
    const thread = options.thread ?? process.env.AKHBAR_WRITE_THREAD !== "0";
    this.maxQueued = options.maxQueued ?? 256;
    if (!thread) return;
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.on("message", (reply: null | { file: string; message: string } | { missing: string[] }) => {
      if (reply !== null && "missing" in reply) {
        this.checked?.resolve(reply.missing);
        this.checked = undefined;
        return;
      }
      this.queued--;
      if (reply !== null && !this.failure) {
        this.failure = new AkhbarError(`writing ${reply.file} failed: ${reply.message}`, { file: reply.file });
      }
      this.wakeUp();
    });
    this.worker.on("error", (error) => {
      this.failure ??= new AkhbarError(`the page writer thread failed: ${error.message}`, { cause: error });
      this.queued = 0;
      this.checked?.reject(this.failure);
      this.checked = undefined;
      this.wakeUp();
    });
  }

  /**
   * Those of `files` (relative to the folder `root`) that do not exist. On the thread, the check runs before the pages handed over
   * after it, while the main thread goes on (an incremental build checks every page it skips:
   * ~9 µs a file on this machine class); without a thread, at once. One check at a time.
   */
  missing(root: string, files: string[]): Promise<string[]> {
    if (!this.worker) return Promise.resolve(files.filter((file) => !existsSync(join(root, file))));
    if (this.failure) return Promise.reject(this.failure);
    if (this.checked) return Promise.reject(new AkhbarError("FileWriter.missing: a check is already running"));
    return new Promise((resolve, reject) => {
      this.checked = { resolve, reject };
      this.worker!.postMessage({ root, check: files });
    });
  }

  /** True when pages are written on a thread of their own. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private waitFor(condition: () => boolean): Promise<void> | void {
    if (condition()) return;
    return new Promise<void>((resolve) => {
      const check = () => {
        if (condition()) resolve();
        else this.wake = check;
      };
      this.wake = check;
    });
  }

  /** Writes `content` to `file` (folders made as needed); throws the first failed write's error. */
  async write(file: string, content: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.worker) {
      try {
        const dir = dirname(file);
        if (!this.dirs.has(dir)) {
          mkdirSync(dir, { recursive: true });
          this.dirs.add(dir);
        }
        writeFileSync(file, content);
      } catch (error) {
        throw new AkhbarError(`writing ${file} failed: ${error instanceof Error ? error.message : String(error)}`, { file, cause: error });
      }
      return;
    }
    await this.waitFor(() => this.queued < this.maxQueued || this.failure !== undefined);
    if (this.failure) throw this.failure;
    this.queued++;
    this.worker.postMessage({ file, content });
  }

  /** Waits until every page handed over is on disk, stops the thread; throws the first failure. */
  async close(): Promise<void> {
    if (this.worker) {
      await this.waitFor(() => this.queued <= 0);
      await this.worker.terminate();
    }
    if (this.failure) throw this.failure;
  }
}
