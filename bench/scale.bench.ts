// Scale benchmark: reads per hot-path call as orgs grow (100 → 10,000 members) and as events
// and RSVPs pile up (50 → 500 events in an org, 200 → 2,000 RSVPs on one event, 5,000 events in
// the database for the reminder sweep; attendance at 200 → 2,000 RSVPs). One JSON line per (path, size):
// {"bench":"scale","path":…,"members":N,"documentsRead":…,"bytesRead":…,"documentsWalked":…}
// (documentsRead: what real Convex reads; documentsWalked: what the local engine walked)
import { measureAttendancePaths, measureEventPaths, measureHotPaths } from "./lib/scale.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
for (const members of SIZES) {
  for (const row of await measureHotPaths(members)) console.log(JSON.stringify(row));
}
for (const [events, rsvps] of [
  [50, 200],
  [500, 2000],
] as const) {
  for (const row of await measureEventPaths(events, rsvps)) console.log(JSON.stringify(row));
}
// Attendance: the door list and a check-in at 200 and 2,000 RSVPs, the admin's feedback summary
// at 200 and 2,000 entries, the prompt sweep with 500 and 5,000 events in the database.
for (const [rsvps, events] of [
  [200, 500],
  [2000, 5000],
] as const) {
  for (const row of await measureAttendancePaths(rsvps, events)) console.log(JSON.stringify(row));
}
process.exit(0);
