// Preloaded into a build (`node --import bench/rss-preload.mjs …`) when /usr/bin/time is missing:
// at exit, writes the process's peak resident set size in KiB (getrusage ru_maxrss, the figure
// `/usr/bin/time -f %M` prints) and its user and system CPU seconds to the file named by
// BENCH_RSS_FILE, in the format of `/usr/bin/time -f "%M %U %S"`.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const sampledKiB = Math.round(process.memoryUsage().rss / 1024);
    const usage = process.resourceUsage();
    const peak = Math.max(usage.maxRSS, sampledKiB);
    writeFileSync(file, `${peak} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
