// What the local engine knows of documents and queries: the shapes of convex-test's database
// and query objects it relies on, and the comparisons and field lookups both index reads
// (indexed-db.ts) and read sets (read-sets.ts) use.
import { compareValues, jsonToConvex, type JSONValue, type Value } from "convex/values";

export type Doc = Record<string, Value>;
export type Key = (Value | undefined)[];
export type Entry = { key: Key; doc: Doc };
export type RangeFilter = { type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte"; fieldPath: string; value: JSONValue };
type Source =
  | { type: "FullTableScan"; tableName: string; order?: "asc" | "desc" | null }
  | { type: "IndexRange"; indexName: string; range: RangeFilter[]; order?: "asc" | "desc" | null }
  | { type: "Search"; indexName: string; filters: unknown[] };
export type Query = { source: Source; operators: ({ filter: unknown } | { limit: number })[] };
type PageArgs = { query: Query; cursor: string | null; endCursor?: string | null; pageSize: number };

/** The parts of convex-test's DatabaseFake this module relies on. */
export type FakeDb = {
  _componentPath: string;
  _documents: Record<string, Doc>;
  _nextDocId: number;
  _lastCreationTime: number;
  _writes: Record<string, Doc | null>[];
  _schema: { tables: Map<string, { indexes: { indexDescriptor: string; fields: string[] }[] }> } | null;
  get(table: string | undefined, id: string): Doc | null;
  patch(table: string, id: string, value: Record<string, Value>): void;
  commit(commitTs?: bigint | null): void;
  paginate(args: PageArgs & Record<string, unknown>): unknown;
  _iterateDocs(table: string, callback: (doc: Doc) => void): void;
  _resolveQuerySource(query: Query): unknown;
};

/** One committed document change: `before`/`after` are null for an insert/delete. */
export type Change = { component: string; id: string; before: Doc | null; after: Doc | null };

/** The table of a convex-test id ("123users" → "users"). */
export function tableOf(id: string): string {
  let digits = 0;
  while (digits < id.length && id.charCodeAt(digits) >= 48 && id.charCodeAt(digits) <= 57) digits++;
  return digits > 0 ? id.slice(digits) : "";
}

/** convex-test's evaluateFieldPath for committed documents: dotted paths through plain objects. */
export function fieldValue(doc: Doc, path: string): Value | undefined {
  let value: unknown = doc;
  for (const part of path.split(".")) {
    value =
      value !== undefined && value !== null && isPlainObject(value)
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return value as Value | undefined;
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return prototype === null || prototype === Object.prototype || prototype?.constructor?.name === "Object";
}

export function queryValue(value: JSONValue): Value | undefined {
  if (typeof value === "object" && value !== null && "$undefined" in value) return undefined;
  return jsonToConvex(value);
}

/**
 * convex/values' compareValues, with fast paths for strings and ordinary numbers (index keys are
 * mostly ids, strings and times). Strings without surrogates compare by code unit, as their UTF-8 bytes do.
 */
export function compareValue(a: Value | undefined, b: Value | undefined): number {
  if (typeof a === "string" && typeof b === "string") {
    if (a === b) return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const ca = a.charCodeAt(i);
      const cb = b.charCodeAt(i);
      if (ca === cb) continue;
      // Surrogates (pairs, or lone ones) are left to convex/values.
      if ((ca >= 0xd800 && ca <= 0xdfff) || (cb >= 0xd800 && cb <= 0xdfff)) return compareValues(a, b);
      return ca < cb ? -1 : 1;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }
  if (typeof a === "number" && typeof b === "number" && a !== 0 && b !== 0 && a === a && b === b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return compareValues(a, b);
}
/** The system indexes every table has, by name: their fields. */
export const SYSTEM_INDEXES: Record<string, string[]> = { by_creation_time: ["_creationTime", "_id"], by_id: ["_id"] };
