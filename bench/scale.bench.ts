// Scale benchmark: reads per hot-path call as the org grows from 100 to 10,000 members.
// Prints one JSON line per (path, size): {"bench":"scale","path":…,"members":N,"documentsRead":…,"bytesRead":…}
import { measureHotPaths } from "./lib/scale.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
for (const members of SIZES) {
  for (const row of await measureHotPaths(members)) console.log(JSON.stringify(row));
}
process.exit(0);
