/**
 * Keeping the archive writer's peak memory close to what it really holds.
 *
 * Writing tens of thousands of pages produces mostly short-lived strings, but V8 promotes many of
 * them (a page's text outlives two scavenges while Nunjucks builds it) and then lets the old
 * generation grow to several times what is live before it collects it. Measured at 10,000
 * articles: about 150 MiB live, yet the heap grew to 450 MiB and the process to 630 MiB while the
 * listing pages were written — more than a bare Eleventy build of the same articles.
 *
 * `HeapGuard` asks V8 for a full collection when the heap has grown since the last one by
 * `budget` bytes or by half of what that collection left (whichever is more: a collection costs
 * in proportion to what is live, so a large archive collects less often), checking every `every`
 * pages (reading the heap's size costs a few microseconds).
 * V8 offers no run-time switch for its growth factor (`--max-semi-space-size` and
 * `--max-old-space-size` are read when the heap is set up), and Node does not expose a
 * memory-pressure call; `gc()` from a fresh V8 context with `--expose-gc` set is the documented
 * way to collect on demand (`node --expose-gc`), reached at run time as the `expose-gc` package
 * does. Where that is not possible the guard does nothing; AKHBAR_HEAP_GUARD=0 in the environment
 * turns it off (Node's documentation warns that flags changed after start-up may behave
 * unpredictably: this is the way out, should a future Node or V8 object).
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = () => void;

let collect: Collect | null | undefined;

/** V8's full garbage collection, or null when it cannot be reached. */
function fullCollection(): Collect | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return (collect = exposed as Collect);
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    collect = typeof gc === "function" ? (gc as Collect) : null;
  } catch {
    collect = null;
  }
  return collect;
}

const MiB = 1024 * 1024;

export interface HeapGuardOptions {
  /**
   * Growth of the heap (bytes) since the last collection that triggers the next, at least: the
   * guard also allows half of what the last collection left. Default 128 MiB.
   */
  budget?: number;
  /** Pages between two looks at the heap's size. Default 64. */
  every?: number;
  /** False turns the guard off. Default: on, unless the environment sets AKHBAR_HEAP_GUARD=0. */
  enabled?: boolean;
  /**
   * Start with a full collection (default true), or count the budget from the heap as it is: a
   * writer with few pages to write (an incremental build's few hundred) adds too little garbage
   * for that collection to pay for itself (~150 ms of CPU with 10,000 articles loaded).
   */
  collectFirst?: boolean;
}

export class HeapGuard {
  private readonly budget: number;
  private readonly every: number;
  private readonly collect: Collect | null;
  private count = 0;
  private limit: number;
  /** Collections asked for (for the benchmark's report). */
  collections = 0;

  constructor(options: HeapGuardOptions = {}) {
    this.budget = options.budget ?? 128 * MiB;
    this.every = options.every ?? 64;
    const enabled = options.enabled ?? process.env.AKHBAR_HEAP_GUARD !== "0";
    this.collect = enabled ? fullCollection() : null;
    this.limit = 0;
    if (options.collectFirst === false) this.measureFrom(getHeapStatistics().used_heap_size);
    else this.reset();
  }

  private measureFrom(used: number): void {
    this.limit = used + Math.max(this.budget, used / 2);
  }

  /**
   * Collect now and measure from here: the writer starts with the garbage of reading every
   * article, and a budget counted from a heap full of garbage would let it grow too far.
   */
  reset(): void {
    if (this.collect === null) return;
    this.collect();
    this.collections++;
    this.measureFrom(getHeapStatistics().used_heap_size);
  }

  /** Call once per page written. */
  tick(): void {
    if (this.collect === null || ++this.count < this.every) return;
    this.count = 0;
    if (getHeapStatistics().used_heap_size >= this.limit) this.reset();
  }
}
