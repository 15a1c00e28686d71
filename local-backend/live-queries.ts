// Live-query results shared by every client, each kept until a commit writes inside what it
// read. A query's read set (index ranges, scanned tables, fetched ids) is recorded while it
// runs; a commit invalidates only the results whose read sets its changes touch. Evaluations
// wait in one queue per connection, served in turn, so one client with many queries cannot
// hold up everyone else's updates.
import { convexToJson, type Value } from "convex/values";
import type { Identity } from "./engine.ts";
import { tableOf, type Change } from "./indexed-db.ts";
import { readSetTouched, type ReadSet } from "./read-sets.ts";
import type { CallResult } from "./sync.ts";

export type Evaluation = { result: Promise<CallResult> };
type Entry = Evaluation & { reads: ReadSet | null };
type Evaluate = (
  udfPath: string,
  args: Record<string, Value>,
  identity: Identity | null,
) => Promise<{ reads: ReadSet; result: CallResult }>;

export function queryKey(udfPath: string, args: Record<string, Value>, identity: Identity | null): string {
  return `${identity?.tokenIdentifier ?? ""}\n${udfPath}\n${JSON.stringify(convexToJson(args))}`;
}

/** Runs one task at a time, taking turns between queues (round robin), yielding to I/O between tasks. */
export class FairQueue {
  private readonly queues = new Map<unknown, (() => Promise<void>)[]>();
  private running = false;

  push<T>(owner: unknown, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let queue = this.queues.get(owner);
      if (!queue) this.queues.set(owner, (queue = []));
      queue.push(() => task().then(resolve, reject));
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queues.size > 0) {
        // One task per owner per turn, in the order owners arrived.
        for (const [owner, queue] of [...this.queues]) {
          const task = queue.shift();
          if (queue.length === 0) this.queues.delete(owner);
          if (!task) continue;
          await task();
          // Let I/O in between: sends, other clients' messages, HTTP requests.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      this.running = false;
    }
  }
}

export class LiveQueries {
  private readonly evaluate: Evaluate;
  private readonly queue = new FairQueue();
  private readonly entries = new Map<string, Entry>();
  /** Keys of resolved entries by what they read, so a commit looks only at its tables. */
  private readonly byTable = new Map<string, Set<string>>();
  /** Keys of entries being evaluated now (queued ones will read the latest state when they run). */
  private readonly running = new Set<string>();
  /** Evaluations started (a test asserts on counts, which do not depend on machine speed). */
  evaluations = 0;

  constructor(evaluate: Evaluate) {
    this.evaluate = evaluate;
  }

  /** The current result of a query, evaluated at most once until a commit invalidates it. */
  get(
    key: string,
    owner: unknown,
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ): Evaluation {
    const existing = this.entries.get(key);
    if (existing) return existing;
    const entry: Entry = { reads: null, result: Promise.resolve({ ok: false, errorMessage: "" }) };
    entry.result = this.queue.push(owner, async () => {
      this.evaluations += 1;
      if (this.entries.get(key) === entry) this.running.add(key);
      const { reads, result } = await this.evaluate(udfPath, args, identity);
      if (this.entries.get(key) === entry) {
        this.running.delete(key);
        entry.reads = reads;
        for (const table of tablesOf(reads)) {
          let keys = this.byTable.get(table);
          if (!keys) this.byTable.set(table, (keys = new Set()));
          keys.add(key);
        }
      }
      return result;
    });
    this.entries.set(key, entry);
    return entry;
  }

  /** Drops the results a commit may have changed; returns their keys. */
  invalidate(changes: Change[]): Set<string> {
    // Being evaluated: it may have read before this commit.
    const stale = new Set<string>(this.running);
    for (const change of changes) {
      const keys = this.byTable.get(`${change.component}\n${tableOf(change.id)}`);
      if (!keys) continue;
      for (const key of keys) {
        const entry = this.entries.get(key);
        if (!entry?.reads) keys.delete(key);
        else if (readSetTouched(entry.reads, change)) stale.add(key);
      }
    }
    for (const key of stale) this.drop(key);
    return stale;
  }

  /** Forgets everything (new code: every result may differ). */
  clear() {
    this.entries.clear();
    this.byTable.clear();
    this.running.clear();
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    this.running.delete(key);
    if (entry?.reads) for (const table of tablesOf(entry.reads)) this.byTable.get(table)?.delete(key);
  }
}

function tablesOf(reads: ReadSet): Set<string> {
  const tables = new Set<string>();
  for (const read of reads.ranges) tables.add(`${read.component}\n${read.table}`);
  for (const read of reads.tables) tables.add(`${read.component}\n${read.table}`);
  for (const read of reads.ids) tables.add(`${read.component}\n${tableOf(read.id)}`);
  return tables;
}
