// Preloaded into a build (`node --import bench/rss-preload.mjs …`) when /usr/bin/time is missing:
// at exit, writes the process's peak resident set size in KiB (getrusage ru_maxrss, the figure
// `/usr/bin/time -f %M` prints) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const sampledKiB = Math.round(process.memoryUsage().rss / 1024);
    writeFileSync(file, String(Math.max(process.resourceUsage().maxRSS, sampledKiB)) + "\n");
  });
}
