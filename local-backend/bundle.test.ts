// The bundle cache: unchanged files load the cached bundle without building; an edit rebuilds.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { loadBundle } from "./bundle.ts";

// Inside the repo, so the files resolve the project's node_modules.
const dir = mkdtempSync(join(import.meta.dirname, ".bundle-fixture-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a load with unchanged files reuses the cached bundle; an edited file is rebuilt", async () => {
  const cache = join(dir, "cache");
  const a = join(dir, "a.ts");
  const b = join(dir, "b.ts");
  writeFileSync(join(dir, "shared.ts"), "export const base: number = 1;\n");
  writeFileSync(
    a,
    'import { base } from "./shared";\nimport { v } from "convex/values";\nexport const value = base + 1;\nexport const validator = v.string();\n',
  );
  writeFileSync(b, "export default function named() {}\n");

  const first = await loadBundle([a, b], cache);
  expect(first.get(a)!.value).toBe(2);
  expect((first.get(b)!.default as () => void).name).toBe("named");
  const [bundle] = readdirSync(cache);
  const builtAt = statSync(join(cache, bundle!)).mtimeMs;

  const second = await loadBundle([b, a], cache);
  expect(statSync(join(cache, bundle!)).mtimeMs).toBe(builtAt); // not rebuilt
  expect(second.get(a)!.value).toBe(2);
  expect(second.get(a)).not.toBe(first.get(a)); // a fresh module graph each load

  writeFileSync(join(dir, "shared.ts"), "export const base: number = 10;\n"); // an input, not an entry
  const third = await loadBundle([a, b], cache);
  expect(third.get(a)!.value).toBe(11);
  expect(readdirSync(cache)).toEqual([bundle]);
});
