// Read sets: what a query evaluation read (index ranges, scanned tables, fetched ids), recorded
// while it runs, and whether a committed change touched it. Live queries re-run only then.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Value } from "convex/values";
import {
  compareValue,
  fieldValue,
  queryValue,
  SYSTEM_INDEXES,
  tableOf,
  type Change,
  type FakeDb,
  type Query,
  type RangeFilter,
} from "./documents.ts";

/** What one query evaluation read: index ranges, whole tables (scans, search) and single ids. */
export type ReadSet = {
  ranges: {
    component: string;
    table: string;
    fields: string[];
    range: { type: RangeFilter["type"]; fieldPath: string; value: Value | undefined }[];
  }[];
  tables: { component: string; table: string }[];
  ids: { component: string; id: string }[];
};
export const newReadSet = (): ReadSet => ({ ranges: [], tables: [], ids: [] });
/** Reads made inside `readTracking.run(readSet, …)` are recorded into it. */
export const readTracking = new AsyncLocalStorage<ReadSet>();

export function recordRead(db: FakeDb, query: Query) {
  const reads = readTracking.getStore();
  if (!reads) return;
  const source = query.source;
  const component = db._componentPath;
  if (source.type === "IndexRange") {
    const [table = "", indexName = ""] = source.indexName.split(".");
    const fields =
      SYSTEM_INDEXES[indexName] ??
      db._schema?.tables.get(table)?.indexes.find((i) => i.indexDescriptor === indexName)?.fields;
    if (fields) {
      reads.ranges.push({
        component,
        table,
        fields,
        range: source.range.map((r) => ({ type: r.type, fieldPath: r.fieldPath, value: queryValue(r.value) })),
      });
      return;
    }
  }
  reads.tables.push({
    component,
    table: source.type === "FullTableScan" ? source.tableName : source.indexName.split(".")[0]!,
  });
}

/** True when a committed change touched something `reads` read. */
export function readSetTouched(reads: ReadSet, change: Change): boolean {
  const table = tableOf(change.id);
  for (const read of reads.ids) if (read.id === change.id && read.component === change.component) return true;
  for (const read of reads.tables) if (read.table === table && read.component === change.component) return true;
  for (const read of reads.ranges) {
    if (read.table !== table || read.component !== change.component) continue;
    for (const doc of [change.before, change.after]) {
      if (
        doc &&
        read.range.every((filter) =>
          matches(compareValue(fieldValue(doc, filter.fieldPath), filter.value), filter.type),
        )
      )
        return true;
    }
  }
  return false;
}

function matches(cmp: number, type: RangeFilter["type"]): boolean {
  return type === "Eq"
    ? cmp === 0
    : type === "Gt"
      ? cmp > 0
      : type === "Gte"
        ? cmp >= 0
        : type === "Lt"
          ? cmp < 0
          : cmp <= 0;
}
