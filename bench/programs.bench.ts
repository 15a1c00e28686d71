// Program paths at scale: the admin's matrix, the program page, the dashboard list and
// enrollment, for a cohort × sessions of 50 × 12 and 200 × 40. One JSON line per (path, size):
// {"bench":"scale","path":"programs:<fn>","participants":N,"sessions":M,"documentsRead":…}
// The matrix reads the cohort and the past sessions' records (bounded by design: at most 500
// participants × 100 sessions); the program page and enrollment read the sessions (≤ 100) and
// the viewer's rows, never the cohort.
import { measureProgramPaths } from "./lib/programs.ts";

for (const [participants, sessions] of [
  [50, 12],
  [200, 12], // same sessions, four times the cohort: the page and enrollment stay flat
  [200, 40],
] as const) {
  for (const row of await measureProgramPaths(participants, sessions)) console.log(JSON.stringify(row));
}
process.exit(0);
