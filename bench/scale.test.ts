// Reads per hot-path call must not grow with the data (counts, so this holds on any machine).
import { expect, test } from "vitest";
import { measureProgramPaths } from "./lib/programs.ts";
import { measureAttendancePaths, measureEventPaths, measureHotPaths, type ScaleRow } from "./lib/scale.ts";

function expectFlat(small: ScaleRow[], large: ScaleRow[]) {
  expect(large.map((row) => row.path)).toEqual(small.map((row) => row.path));
  for (const [index, row] of large.entries()) {
    const baseline = small[index]!;
    expect({ path: row.path, documentsRead: row.documentsRead }).toEqual({
      path: baseline.path,
      documentsRead: baseline.documentsRead,
    });
    expect(row.bytesRead, row.path).toBeLessThanOrEqual(baseline.bytesRead * 1.2);
  }
}

test("org paths read no more as the org grows tenfold", async () => {
  expectFlat(await measureHotPaths(100), await measureHotPaths(1_000));
}, 120_000);

test("event, RSVP and reminder paths read no more with ten times the events and RSVPs", async () => {
  expectFlat(await measureEventPaths(50, 200), await measureEventPaths(500, 2_000));
}, 120_000);

test("attendance paths read no more with ten times the RSVPs, feedback and events", async () => {
  expectFlat(await measureAttendancePaths(200, 500), await measureAttendancePaths(2_000, 5_000));
}, 240_000);

test("the program page, the dashboard and enrollment read no more with four times the cohort", async () => {
  const small = (await measureProgramPaths(20, 6)).filter((row) => row.path !== "programs:matrix");
  const large = (await measureProgramPaths(80, 6)).filter((row) => row.path !== "programs:matrix");
  expect(large.map((row) => [row.path, row.documentsRead])).toEqual(small.map((row) => [row.path, row.documentsRead]));
}, 240_000);
