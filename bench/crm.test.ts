// A directory page reads no more at 10,000 members than the same page at 100 (within 1.2×), for
// every filter, sort and combination the app offers, and an export chunk no more per member
// (counts, so this holds on any machine).
import { expect, test } from "vitest";
import { measureCrmPaths } from "./lib/crm-scale.ts";

test("directory and export paths read as much at 10,000 members as at 100", async () => {
  const small = await measureCrmPaths(100);
  // Equal pages at both sizes: as many rows as 100 members hold (a full page of 50 at most).
  const pageSizes = Object.fromEntries(small.map((row) => [row.path, Math.max(1, row.rows)]));
  const baseline = await measureCrmPaths(100, pageSizes);
  const large = await measureCrmPaths(10_000, pageSizes);
  for (const row of baseline) expect(row.rows, `${row.path} finds members at 100`).toBeGreaterThan(0);
  expect(large.map((row) => row.path)).toEqual(baseline.map((row) => row.path));
  for (const [index, row] of large.entries()) {
    const base = baseline[index]!;
    if (row.path.startsWith("crm:exportChunk")) {
      // A chunk is 500 members (the whole org at 100): compare reads per exported member.
      expect(row.documentsRead / row.rows, row.path).toBeLessThanOrEqual((base.documentsRead / base.rows) * 1.2);
      expect(row.documentsRead, row.path).toBeLessThanOrEqual(4 * 500 + 20);
      continue;
    }
    expect(row.rows, row.path).toBe(base.rows); // the same page size, filled at both sizes
    expect(row.documentsRead, row.path).toBeLessThanOrEqual(base.documentsRead * 1.2);
  }
}, 900_000);
