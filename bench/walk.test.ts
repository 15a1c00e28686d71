// The local engine's own cost: documents it walks per hot-path call must not grow with the org
// (an index range costs its rows, not the store). Counts, so this holds on any machine.
import { expect, test } from "vitest";
import { measureHotPaths } from "./lib/scale.ts";

test("the local engine walks no more documents per call as the org grows tenfold", async () => {
  const [small, large] = [await measureHotPaths(100), await measureHotPaths(1_000)];
  for (const [index, row] of large.entries()) {
    expect({ path: row.path, walked: row.documentsWalked }).toEqual({
      path: small[index]!.path,
      walked: small[index]!.documentsWalked,
    });
  }
}, 120_000);
