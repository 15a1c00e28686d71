// CRM benchmark: documents read by a directory page (default, each filter and sort, combinations)
// and by one export chunk at 100, 1,000 and 10,000 members, then a whole 10,000-member export.
// {"bench":"scale","path":"crm:<fn>(<case>)","members":N,"documentsRead":…,"bytesRead":…}
// {"bench":"csv","members":10000,"rows":…,"bytes":…,"ms":…} (ms: chunk queries + CSV on the local engine)
import { measureCrmPaths, measureCsvExport } from "./lib/crm-scale.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
for (const members of SIZES) {
  for (const row of await measureCrmPaths(members)) console.log(JSON.stringify(row));
}
console.log(JSON.stringify(await measureCsvExport(Math.max(...SIZES))));
process.exit(0);
