// The member record, its timeline, the community stats and adding a note read exactly as much in
// an org of 3,000 members as in one of 400 (both fill every day of the year's counters, so the
// stats read the same day rows): counts, so this holds on any machine.
import { expect, test } from "vitest";
import { measureRecordPaths } from "./lib/crm-record-scale.ts";

test("record, timeline, stats and notes read as much at 3,000 members as at 400", async () => {
  const small = await measureRecordPaths(400);
  const large = await measureRecordPaths(3_000);
  expect(large.map((row) => row.path)).toEqual(small.map((row) => row.path));
  for (const [index, row] of large.entries()) {
    const base = small[index]!;
    expect(row.documentsRead, row.path).toBeGreaterThan(0);
    expect(row.documentsRead, row.path).toBe(base.documentsRead);
    expect(row.indexRanges, row.path).toBe(base.indexRanges);
  }
  // A year of stats reads one counter row per day and per past event, not one per member.
  const yearly = large.find((row) => row.path === "crm:communityStats(365)")!;
  expect(yearly.documentsRead).toBeLessThan(3_000 / 5);
}, 300_000);
