// Reads per hot-path call must not grow with org size (counts, so this holds on any machine).
import { expect, test } from "vitest";
import { measureHotPaths } from "./lib/scale.ts";

test("no hot path reads more documents or bytes as the org grows tenfold", async () => {
  const small = await measureHotPaths(100);
  const large = await measureHotPaths(1_000);
  expect(large.map((row) => row.path)).toEqual(small.map((row) => row.path));
  for (const [index, row] of large.entries()) {
    const baseline = small[index]!;
    expect({ path: row.path, documentsRead: row.documentsRead }).toEqual({ path: baseline.path, documentsRead: baseline.documentsRead });
    expect(row.bytesRead, row.path).toBeLessThanOrEqual(baseline.bytesRead * 1.2);
  }
}, 120_000);
