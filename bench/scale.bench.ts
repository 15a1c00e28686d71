// Scale benchmark: reads per hot-path call as orgs grow (100 → 10,000 members) and as events
// and RSVPs pile up (50 → 500 events in an org, 200 → 2,000 RSVPs on one event, 5,000 events in
// the database for the reminder sweep). One JSON line per (path, size):
// {"bench":"scale","path":…,"members":N,"documentsRead":…,"bytesRead":…,"documentsWalked":…}
// (documentsRead: what real Convex reads; documentsWalked: what the local engine walked)
import { measureEventPaths, measureHotPaths } from "./lib/scale.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
for (const members of SIZES) {
  for (const row of await measureHotPaths(members)) console.log(JSON.stringify(row));
}
for (const [events, rsvps] of [[50, 200], [500, 2000]] as const) {
  for (const row of await measureEventPaths(events, rsvps)) console.log(JSON.stringify(row));
}
process.exit(0);
