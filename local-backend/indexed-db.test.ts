// The index-backed engine answers exactly as convex-test does: a few hundred random queries
// (index ranges, scans, search, filters, limits, pagination, pending writes) run against stock
// convex-test and against the same store made index-backed, and their results must match.
/* eslint-disable @typescript-eslint/no-explicit-any -- random queries over a generic fixture schema: the index and filter builders are typed per table */
import { convexTest } from "convex-test";
import { defineSchema, defineTable } from "convex/server";
import { v, type Value } from "convex/values";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { captureGlobal } from "./engine.ts";
import { installIndexes, walkStats, type FakeDb } from "./indexed-db.ts";

const schema = defineSchema({
  items: defineTable({
    a: v.optional(v.union(v.number(), v.null())),
    b: v.string(),
    c: v.optional(v.object({ x: v.number() })),
    text: v.string(),
  })
    .index("by_a", ["a"])
    .index("by_a_b", ["a", "b"])
    .index("by_b", ["b"])
    .index("by_c_x", ["c.x"])
    .searchIndex("search_text", { searchField: "text", filterFields: ["b"] }),
  others: defineTable({ n: v.number() }).index("by_n", ["n"]),
});
const modules = { "./_generated/api.js": async () => ({}) };

// Deterministic randomness and clock, so both engines see the same documents.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const A_VALUES = [undefined, null, 1, 2, 3, 4, 5, 2.5] as const;
const B_VALUES = ["ant", "bee", "cat", "dog", "eel"] as const;
const WORDS = ["alpha", "beta", "gamma", "delta", "omega"] as const;

type Ctx = { db: any };
type T = { run<R>(handler: (ctx: Ctx) => Promise<R>): Promise<R> };
let stock: T;
let indexed: T;
let clock = 1_700_000_000_000;

function randomDoc(): Record<string, Value> {
  const doc: Record<string, Value> = { b: pick(B_VALUES), text: `${pick(WORDS)} ${pick(WORDS)}` };
  const a = pick(A_VALUES);
  if (a !== undefined) doc.a = a;
  if (random() < 0.6) doc.c = { x: Math.floor(random() * 6) };
  return doc;
}

beforeAll(async () => {
  vi.spyOn(Date, "now").mockImplementation(() => clock);
  stock = convexTest(schema, modules) as unknown as T;
  indexed = convexTest(schema, modules) as unknown as T;
  for (const { db } of Object.values(captureGlobal(indexed as never).components))
    installIndexes(db as unknown as FakeDb, () => {});
  for (let batch = 0; batch < 6; batch++) {
    const docs = Array.from({ length: 100 }, randomDoc);
    const at = (clock += 1_000);
    for (const t of [stock, indexed]) {
      clock = at;
      await t.run(async (ctx) => {
        for (const doc of docs) await ctx.db.insert("items", doc);
        await ctx.db.insert("others", { n: batch });
      });
    }
    // Some churn, so indexes see updates and deletes.
    const later = (clock += 1_000);
    for (const t of [stock, indexed]) {
      clock = later;
      await t.run(async (ctx) => {
        const all = await ctx.db.query("items").collect();
        for (let i = batch; i < all.length; i += 17) await ctx.db.patch(all[i]._id, { a: 3, b: "cat" });
        for (let i = batch + 5; i < all.length; i += 29) await ctx.db.delete(all[i]._id);
      });
    }
  }
});
afterAll(() => vi.restoreAllMocks());

type Spec = {
  index: string;
  range: [string, string, Value][];
  order: "asc" | "desc";
  filter: boolean;
  end: "collect" | "take" | "first" | "page";
  n: number;
  write: boolean;
  word: string;
};

function randomSpec(): Spec {
  const index = pick(["scan", "by_a", "by_a_b", "by_b", "by_c_x", "by_creation_time", "search"]);
  const range: [string, string, Value][] = [];
  const fields =
    { by_a: ["a"], by_a_b: ["a", "b"], by_b: ["b"], by_c_x: ["c.x"], by_creation_time: ["_creationTime"] }[
      index as "by_a"
    ] ?? [];
  const valueFor = (field: string): Value =>
    field === "a"
      ? (pick(A_VALUES) ?? null)
      : field === "b"
        ? pick(B_VALUES)
        : field === "c.x"
          ? Math.floor(random() * 6)
          : 1_700_000_000_000 + Math.floor(random() * 14_000);
  let i = 0;
  while (i < fields.length - 1 && random() < 0.6) range.push(["eq", fields[i]!, valueFor(fields[i++]!)]);
  const field = fields[i];
  if (field && random() < 0.5) range.push([random() < 0.3 ? "eq" : pick(["gt", "gte"]), field, valueFor(field)]);
  if (field && range.at(-1)?.[0] !== "eq" && random() < 0.5) range.push([pick(["lt", "lte"]), field, valueFor(field)]);
  return {
    index,
    range,
    order: pick(["asc", "desc"]),
    filter: random() < 0.3,
    end: pick(["collect", "take", "first", "page"]),
    n: 1 + Math.floor(random() * 40),
    write: random() < 0.3,
    word: pick(WORDS),
  };
}

async function runSpec(t: T, spec: Spec, cursor: string | null): Promise<unknown> {
  return await t
    .run(async (ctx) => {
      if (spec.write) {
        // Pending writes in the same transaction: queries must see them.
        const id = await ctx.db.insert("items", { a: 2, b: "bee", c: { x: 3 }, text: "alpha omega" });
        const first = await ctx.db.query("items").first();
        if (first) await ctx.db.patch(first._id, { a: 4 });
        await ctx.db.patch(id, { b: "ant" });
      }
      let query;
      if (spec.index === "search") {
        query = ctx.db
          .query("items")
          .withSearchIndex("search_text", (q: any) =>
            spec.filter ? q.search("text", spec.word).eq("b", "cat") : q.search("text", "alp ome"),
          );
      } else {
        query =
          spec.index === "scan"
            ? ctx.db.query("items")
            : ctx.db
                .query("items")
                .withIndex(spec.index, (q: any) =>
                  spec.range.reduce((acc, [op, field, value]) => acc[op](field, value), q),
                );
        query = query.order(spec.order);
        if (spec.filter) query = query.filter((q: any) => q.or(q.eq(q.field("b"), "cat"), q.gt(q.field("a"), 2)));
      }
      const result =
        spec.end === "collect"
          ? await query.collect()
          : spec.end === "take"
            ? await query.take(spec.n)
            : spec.end === "first"
              ? await query.first()
              : await query.paginate({
                  numItems: spec.n,
                  cursor,
                  ...(spec.filter ? { maximumRowsRead: spec.n + 3 } : {}),
                });
      if (spec.write) throw new RollBack(result);
      return result;
    })
    .catch((error: unknown) =>
      error instanceof RollBack ? error.result : { error: String((error as Error).message) },
    );
}

class RollBack extends Error {
  constructor(readonly result: unknown) {
    super("roll back");
  }
}

test("a few hundred random queries answer exactly as convex-test does", async () => {
  let compared = 0;
  for (let round = 0; round < 300; round++) {
    const spec = randomSpec();
    let cursor: string | null = null;
    for (let page = 0; page < 8; page++) {
      const at = clock;
      const expected = await runSpec(stock, spec, cursor);
      clock = at;
      const actual = await runSpec(indexed, spec, cursor);
      expect(actual, JSON.stringify(spec)).toEqual(expected);
      compared += 1;
      const next = expected as { continueCursor?: string; isDone?: boolean };
      if (spec.end !== "page" || !next.continueCursor || next.isDone) break;
      cursor = next.continueCursor;
    }
  }
  expect(compared).toBeGreaterThan(300);
});

test("an index range walks the documents of its range, not the store", async () => {
  const before = walkStats.documentsWalked;
  const found = await indexed.run(
    async (ctx) =>
      await ctx.db
        .query("others")
        .withIndex("by_n", (q: any) => q.eq("n", 2))
        .collect(),
  );
  expect(found).toHaveLength(1);
  expect(walkStats.documentsWalked - before).toBe(1);
  const page = await indexed.run(
    async (ctx) =>
      await ctx.db
        .query("items")
        .withIndex("by_b", (q: any) => q.eq("b", "cat"))
        .paginate({ numItems: 5, cursor: null }),
  );
  expect(page.page).toHaveLength(5);
  expect(walkStats.documentsWalked - before).toBeLessThanOrEqual(1 + 6);
});

test("the fast comparison orders values exactly as convex/values does", async () => {
  const { compareValue } = await import("./indexed-db.ts");
  const { compareValues } = await import("convex/values");
  const values: (Value | undefined)[] = [
    undefined,
    null,
    0,
    -0,
    1,
    -1,
    2.5,
    NaN,
    -Infinity,
    Infinity,
    1n,
    -3n,
    true,
    false,
    "",
    "a",
    "ab",
    "b",
    "é",
    "\uffff",
    "😀",
    "\ud800",
    "Z",
    new ArrayBuffer(2),
    [1, "a"],
    [1],
    { x: 1 },
  ];
  for (const a of values)
    for (const b of values)
      expect([a, b, Math.sign(compareValue(a, b))]).toEqual([a, b, Math.sign(compareValues(a, b))]);
});

test("an index built in steps in the background equals one built at once, and a commit meanwhile restarts it", async () => {
  const t = convexTest(schema, modules) as unknown as T;
  const stores = Object.values(captureGlobal(t as never).components).map(({ db }) =>
    installIndexes(db as unknown as FakeDb, () => {}),
  );
  const store = stores[0]!;
  await t.run(async (ctx) => {
    for (let i = 0; i < 5_000; i++) await ctx.db.insert("items", randomDoc());
  });
  const ids = (index: { entries: { doc: Record<string, unknown> }[] } | null) =>
    index!.entries.map((entry) => entry.doc._id);
  let pauses = 0;
  const pause = async () => {
    pauses++;
  };
  expect(await store.buildIndexInSteps("items", "by_a_b", pause)).toBe(true);
  const stepped = ids(store.index("items", "by_a_b"));
  expect(pauses).toBeGreaterThan(3); // 3 runs of at most 2,048 documents, then 2 merges
  const fresh = convexTest(schema, modules) as unknown as T;
  const reference = installIndexes(Object.values(captureGlobal(fresh as never).components)[0]!.db as never, () => {});
  reference.rebuild(store.docs("items"));
  expect(stepped).toEqual(ids(reference.index("items", "by_a_b")));

  // A write to the table during the build: the build gives up and leaves no index behind.
  let wrote = false;
  const writeOnce = async () => {
    if (wrote) return;
    wrote = true;
    await t.run(async (ctx) => void (await ctx.db.insert("items", randomDoc())));
  };
  expect(await store.buildIndexInSteps("items", "by_b", writeOnce)).toBe(false);
  expect(await store.buildIndexInSteps("items", "by_b", pause)).toBe(true);
  reference.rebuild(store.docs("items"));
  expect(ids(store.index("items", "by_b"))).toEqual(ids(reference.index("items", "by_b")));
});
