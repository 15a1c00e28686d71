// CRM member record and community stats at 100, 1,000 and 10,000 members: documents read per
// call. One JSON line per (path, size):
// {"bench":"scale","path":"crm:<fn>","members":N,"documentsRead":…}. Reads must stay flat as the
// member count grows.
import { measureRecordPaths } from "./lib/crm-record-scale.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);

for (const members of SIZES) {
  for (const row of await measureRecordPaths(members)) console.log(JSON.stringify(row));
}
process.exit(0);
