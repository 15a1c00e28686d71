// Index-backed reads for convex-test's in-memory database.
//
// convex-test answers every query by walking every document of every table and sorting the
// matches. Here each database keeps, per table, its documents and, per index (schema indexes,
// by_creation_time, by_id), a sorted array of (key, document), built on first use and kept up
// to date on commit. A query asks convex-test's own code to evaluate it, but over the documents
// of its index range only (found by binary search), so results, order, cursors, errors and
// transaction metrics stay convex-test's while the cost follows the range, not the store.
import { jsonToConvex, type JSONValue } from "convex/values";
import {
  compareValue,
  fieldValue,
  queryValue,
  SYSTEM_INDEXES,
  tableOf,
  type Change,
  type Doc,
  type Entry,
  type FakeDb,
  type Key,
  type Query,
  type RangeFilter,
} from "./documents.ts";
import { readTracking, recordRead } from "./read-sets.ts";

export { compareValue, tableOf, type Change, type Doc, type FakeDb } from "./documents.ts";

/** Counters a test may assert on: they depend on the data, not on the machine. */
export const walkStats = { documentsWalked: 0 };

function compareKeys(a: Key, b: Key, length = b.length): number {
  for (let i = 0; i < length; i++) {
    const cmp = compareValue(a[i], b[i]);
    if (cmp !== 0) return cmp;
  }
  return 0;
}

/** First position in `entries` whose key prefix compares `>= 0` (or `> 0` when strict) with `bound`. */
function seek(entries: Entry[], bound: Key, strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = compareKeys(entries[mid]!.key, bound);
    if (strict ? cmp > 0 : cmp >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function compareEntries(a: Entry, b: Entry) {
  return compareKeys(a.key, b.key);
}

/** Merges two sorted runs into one (stable: on equal keys the left run comes first). */
function mergeRuns(left: Entry[], right: Entry[]): Entry[] {
  const out: Entry[] = new Array(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length)
    out[k++] = compareEntries(right[j]!, left[i]!) < 0 ? right[j++]! : left[i++]!;
  while (i < left.length) out[k++] = left[i++]!;
  while (j < right.length) out[k++] = right[j++]!;
  return out;
}

/** Documents per step when an index is built in the background. */
const BUILD_STEP = 2048;

class SortedIndex {
  readonly fields: string[];
  readonly entries: Entry[];
  /** `entries` must already be sorted when given. */
  constructor(fields: string[], docs: Iterable<Doc>, entries?: Entry[]) {
    this.fields = fields;
    if (entries) this.entries = entries;
    else {
      this.entries = [];
      for (const doc of docs) this.entries.push({ key: this.keyOf(doc), doc });
      this.entries.sort(compareEntries);
    }
  }
  keyOf(doc: Doc): Key {
    return this.fields.map((field) => fieldValue(doc, field));
  }
  remove(doc: Doc) {
    const key = this.keyOf(doc);
    const at = seek(this.entries, key, false);
    if (this.entries[at]?.doc._id === doc._id) this.entries.splice(at, 1);
  }
  add(doc: Doc) {
    const key = this.keyOf(doc);
    this.entries.splice(seek(this.entries, key, false), 0, { key, doc });
  }
}

class Table {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, SortedIndex>();
  /** Bumped on every committed write: a background index build started before it starts over. */
  version = 0;
}

/** Per-table documents and sorted indexes of one database, mirrored from its `_documents`. */
export class IndexedStore {
  private readonly db: FakeDb;
  private tables = new Map<string, Table>();
  /** Changes of the transaction being committed, collected across all components. */
  private readonly onChange: (change: Change) => void;

  constructor(db: FakeDb, onChange: (change: Change) => void) {
    this.db = db;
    this.onChange = onChange;
    this.rebuild();
  }

  /** Re-reads `_documents` (after it was replaced wholesale, as on restore, which passes its documents as an array: faster to walk). */
  rebuild(documents: Iterable<Doc> = Object.values(this.db._documents)) {
    this.tables = new Map();
    let lastName: string | null = null;
    let docs = new Map<string, Doc>();
    for (const doc of documents) {
      const id = doc._id as string;
      const name = tableOf(id);
      if (name !== lastName) docs = this.table((lastName = name)).docs;
      docs.set(id, doc);
    }
  }

  table(name: string): Table {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new Table()));
    return table;
  }

  docs(table: string): Iterable<Doc> {
    return this.tables.get(table)?.docs.values() ?? [];
  }

  /** Writes a committed document outside a transaction (restore bookkeeping), keeping indexes current. */
  putCommitted(doc: Doc) {
    const id = doc._id as string;
    this.apply(id, this.db._documents[id] ?? null, doc);
    this.db._documents[id] = doc;
  }

  /** Called once a top-level commit has applied `writes` to `_documents`. */
  committed(writes: Record<string, Doc | null>, before: Map<string, Doc | null>) {
    for (const id of Object.keys(writes)) {
      const after = this.db._documents[id] ?? null;
      const previous = before.get(id) ?? null;
      this.apply(id, previous, after);
      this.onChange({ component: this.db._componentPath, id, before: previous, after });
    }
  }

  private apply(id: string, before: Doc | null, after: Doc | null) {
    const table = this.table(tableOf(id));
    for (const index of table.indexes.values()) {
      if (before) index.remove(before);
      if (after) index.add(after);
    }
    if (after) table.docs.set(id, after);
    else table.docs.delete(id);
    table.version++;
  }

  private indexFields(tableName: string, indexName: string): string[] | null {
    return (
      SYSTEM_INDEXES[indexName] ??
      this.db._schema?.tables
        .get(tableName)
        ?.indexes.find((i) => i.indexDescriptor === indexName)
        ?.fields.concat(["_creationTime", "_id"]) ??
      null
    );
  }

  index(tableName: string, indexName: string): SortedIndex | null {
    const table = this.table(tableName);
    let index = table.indexes.get(indexName);
    if (!index) {
      const fields = this.indexFields(tableName, indexName);
      if (!fields) return null;
      index = new SortedIndex(fields, table.docs.values());
      table.indexes.set(indexName, index);
    }
    return index;
  }

  /**
   * Builds an index in steps of bounded work, awaiting `pause` between them, so a large table
   * never stalls the requests being served meanwhile: sorted runs of BUILD_STEP documents, then
   * pairwise merges. Returns false if a commit wrote to the table meanwhile (nothing is kept:
   * call again); a query that needs the index first builds it at once, as before.
   */
  async buildIndexInSteps(tableName: string, indexName: string, pause: () => Promise<void>): Promise<boolean> {
    const table = this.table(tableName);
    const fields = this.indexFields(tableName, indexName);
    if (!fields || table.indexes.has(indexName)) return true;
    const version = table.version;
    const docs = [...table.docs.values()];
    const builder = new SortedIndex(fields, [], []);
    const runs: Entry[][] = [];
    const stale = () => table.version !== version || table.indexes.has(indexName);
    for (let start = 0; start < docs.length; start += BUILD_STEP) {
      const run = docs.slice(start, start + BUILD_STEP).map((doc) => ({ key: builder.keyOf(doc), doc }));
      runs.push(run.sort(compareEntries));
      await pause();
      if (stale()) return table.indexes.has(indexName);
    }
    while (runs.length > 1) {
      const merged: Entry[][] = [];
      for (let i = 0; i < runs.length; i += 2) {
        merged.push(i + 1 < runs.length ? mergeRuns(runs[i]!, runs[i + 1]!) : runs[i]!);
        await pause();
        if (stale()) return table.indexes.has(indexName);
      }
      runs.splice(0, runs.length, ...merged);
    }
    table.indexes.set(indexName, new SortedIndex(fields, [], runs[0] ?? []));
    return true;
  }

  /** A table's documents as a transaction sees them, in convex-test's order (stored order, then new ones). */
  walkTable(tableName: string, callback: (doc: Doc) => void) {
    const pending = this.pendingIds(tableName);
    for (const doc of this.docs(tableName)) {
      const id = doc._id as string;
      if (!pending.has(id)) callback(doc);
      else {
        pending.delete(id);
        const current = this.db.get(tableName, id);
        if (current) callback(current);
      }
    }
    for (const id of pending) {
      const doc = this.db.get(tableName, id);
      if (doc) callback(doc);
    }
  }

  /** Every (table, index) pair of this database's stored tables, largest tables first. */
  indexNames(): [string, string][] {
    const pairs: [string, string][] = [];
    const tables = [...this.tables].sort(([, a], [, b]) => b.docs.size - a.docs.size);
    for (const [name] of tables) {
      for (const index of Object.keys(SYSTEM_INDEXES)) pairs.push([name, index]);
      for (const index of this.db._schema?.tables.get(name)?.indexes ?? []) pairs.push([name, index.indexDescriptor]);
    }
    return pairs;
  }

  /** Ids in `table` with a pending (uncommitted) write at any nesting level. */
  pendingIds(table: string): Set<string> {
    const ids = new Set<string>();
    for (const level of this.db._writes) for (const id in level) if (tableOf(id) === table) ids.add(id);
    return ids;
  }

  /**
   * Documents that may match `query`, a superset of its matches: the committed documents of its
   * index range (after `after` — a page cursor — and at most `max` of them when given) plus every
   * pending write of the table. convex-test's code then filters and orders them exactly.
   */
  candidates(query: Query, page: { cursorKey: Key | null; max: number | null }): Doc[] {
    const source = query.source;
    const tableName = source.type === "FullTableScan" ? source.tableName : source.indexName.split(".")[0]!;
    const pending = this.pendingIds(tableName);
    const out: Doc[] = [];
    const addPending = () => {
      for (const id of pending) {
        const doc = this.db.get(tableName, id);
        if (doc) out.push(doc);
      }
    };
    if (source.type === "Search") {
      this.walkTable(tableName, (doc) => out.push(doc));
      walkStats.documentsWalked += out.length;
      return out;
    }
    const indexName = source.type === "FullTableScan" ? "by_creation_time" : source.indexName.split(".")[1]!;
    const index = this.index(tableName, indexName);
    if (!index) return []; // convex-test reports the missing index
    const bounds =
      source.type === "IndexRange" ? rangeBounds(source.range, index.fields) : { lo: null, hi: null, prefix: [] };
    if (!bounds) {
      for (const entry of index.entries) if (!pending.has(entry.doc._id as string)) out.push(entry.doc);
      addPending();
      walkStats.documentsWalked += out.length;
      return out;
    }
    const { entries } = index;
    let lo = bounds.lo ? seek(entries, bounds.lo.key, !bounds.lo.inclusive) : seek(entries, bounds.prefix, false);
    let hi = bounds.hi ? seek(entries, bounds.hi.key, bounds.hi.inclusive) : seek(entries, bounds.prefix, true);
    const desc = source.order === "desc";
    if (page.cursorKey && page.cursorKey.length === index.fields.length) {
      if (desc) hi = Math.min(hi, seek(entries, page.cursorKey, false));
      else lo = Math.max(lo, seek(entries, page.cursorKey, true));
    }
    const max = page.max ?? Infinity;
    let taken = 0;
    for (let i = desc ? hi - 1 : lo; desc ? i >= lo : i < hi; desc ? i-- : i++) {
      const doc = entries[i]!.doc;
      if (pending.has(doc._id as string)) continue;
      if (taken++ >= max) break;
      out.push(doc);
    }
    addPending();
    walkStats.documentsWalked += out.length;
    return out;
  }
}

type Bound = { key: Key; inclusive: boolean };

/** The key interval of a validated index range (equalities, then optional lower/upper bound), or null when it has another shape. */
function rangeBounds(
  range: RangeFilter[],
  fields: string[],
): { lo: Bound | null; hi: Bound | null; prefix: Key } | null {
  const prefix: Key = [];
  let lo: Bound | null = null;
  let hi: Bound | null = null;
  for (const filter of range) {
    const field = fields[prefix.length];
    if (filter.fieldPath !== field) return null;
    const value = queryValue(filter.value);
    if (filter.type === "Eq") {
      if (lo || hi) return null;
      prefix.push(value);
    } else if (filter.type === "Gt" || filter.type === "Gte") {
      if (lo) return null;
      lo = { key: [...prefix, value], inclusive: filter.type === "Gte" };
    } else {
      if (hi) return null;
      hi = { key: [...prefix, value], inclusive: filter.type === "Lte" };
    }
  }
  return { lo, hi, prefix };
}

function parseCursor(cursor: string | null | undefined): Key | null {
  if (!cursor || cursor === "_end_cursor") return null;
  try {
    return (JSON.parse(cursor) as (string | null)[]).map((k) =>
      k === null ? undefined : jsonToConvex(JSON.parse(k) as JSONValue),
    );
  } catch {
    return null;
  }
}

/**
 * Makes one convex-test database index-backed. `onChange` hears every committed change, before
 * the commit returns (so it can be made durable before the caller is answered).
 */
export function installIndexes(db: FakeDb, onChange: (change: Change) => void): IndexedStore {
  const store = new IndexedStore(db, onChange);
  const resolveQuerySource = db._resolveQuerySource.bind(db);
  const paginate = db.paginate.bind(db);
  const commit = db.commit.bind(db);
  const get = db.get.bind(db);
  let candidates: Doc[] | null = null;
  let page: { cursorKey: Key | null; max: number | null } | null = null;

  db._iterateDocs = (tableName, callback) => {
    if (candidates) {
      for (const doc of candidates) callback(doc);
      return;
    }
    store.walkTable(tableName, callback);
  };
  db._resolveQuerySource = (query) => {
    recordRead(db, query);
    const unfiltered = !query.operators.some((operator) => "filter" in operator);
    const limit = query.operators.find((operator): operator is { limit: number } => "limit" in operator)?.limit ?? null;
    const hint = page ?? { cursorKey: null, max: unfiltered ? limit : null };
    try {
      candidates = store.candidates(query, hint);
    } catch {
      candidates = null; // an unusual range: let convex-test walk the table (and report any error)
    }
    try {
      return resolveQuerySource(query);
    } finally {
      candidates = null;
    }
  };
  db.paginate = (args) => {
    const unfiltered = !args.query.operators.some((operator) => "filter" in operator);
    // A page needs the rows after its cursor; without filters, one more than the page tells
    // whether the range goes on.
    page = { cursorKey: parseCursor(args.cursor), max: unfiltered && !args.endCursor ? args.pageSize + 1 : null };
    if (args.cursor === "_end_cursor") page.max = 0;
    try {
      return paginate(args);
    } finally {
      page = null;
    }
  };
  db.get = (table, id) => {
    const reads = readTracking.getStore();
    if (reads && typeof id === "string") reads.ids.push({ component: db._componentPath, id });
    return get(table, id);
  };
  db.commit = (commitTs) => {
    const topLevel = db._writes.length === 1;
    const writes = db._writes[db._writes.length - 1] ?? {};
    const before = new Map<string, Doc | null>();
    if (topLevel) for (const id of Object.keys(writes)) before.set(id, db._documents[id] ?? null);
    commit(commitTs);
    if (topLevel) store.committed(writes, before);
  };
  return store;
}
