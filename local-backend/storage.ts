// Durable storage for the local backend: an embedded SQLite database (node:sqlite) in WAL mode.
// Each commit writes only the documents it changed, in one SQLite transaction, before the
// client hears that it succeeded; the WAL is folded back into the database file (checkpointed)
// on a timer, off the reply path. Files are private to the user: directory 0700, files 0600.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { fromJsonSnapshot, type Commit, type JsonSnapshot, type Snapshot } from "./engine.ts";
import type { Doc } from "./indexed-db.ts";

// node:sqlite prints an "experimental" warning once; the API has been stable since Node 22.5.
const { DatabaseSync } = await (async () => {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes("SQLite")) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await import("node:sqlite");
  } finally {
    process.emitWarning = emit;
  }
})();
type Database = InstanceType<typeof DatabaseSync>;

export const DATA_FILE = "data.sqlite";
/** The whole-store JSON file earlier versions wrote; migrated on first start. */
export const LEGACY_FILE = "data.json";
const CHECKPOINT_DELAY_MS = 1_000;

/** Removes every stored document (the reset commands). */
export function deleteData(stateDir: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(stateDir, DATA_FILE + suffix), { force: true });
  rmSync(join(stateDir, LEGACY_FILE), { force: true });
}

/** Creates the state directory private to the user (or tightens an existing one). */
export function privateDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export class Storage {
  readonly file: string;
  private readonly db: Database;
  private readonly upsert;
  private readonly remove;
  private readonly counters;
  private checkpointTimer: NodeJS.Timeout | null = null;
  /** Longest time one commit's write / one checkpoint held the event loop, in ms (the benchmark reports them). */
  longestWriteMs = 0;
  longestCheckpointMs = 0;

  constructor(stateDir: string) {
    privateDir(stateDir);
    this.file = join(stateDir, DATA_FILE);
    // SQLite gives its -wal and -shm files the database file's mode, so create it 0600 first.
    if (!existsSync(this.file)) closeSync(openSync(this.file, "a", 0o600));
    chmodSync(this.file, 0o600);
    this.db = new DatabaseSync(this.file);
    // WAL + synchronous=FULL: a commit is on disk (fsynced) when its write returns.
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA wal_autocheckpoint = 0;
      CREATE TABLE IF NOT EXISTS documents (component TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (component, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS components (component TEXT PRIMARY KEY, next_doc_id INTEGER NOT NULL, last_creation_time REAL NOT NULL);
    `);
    this.upsert = this.db.prepare("INSERT INTO documents (component, id, value) VALUES (?, ?, ?) ON CONFLICT (component, id) DO UPDATE SET value = excluded.value");
    this.remove = this.db.prepare("DELETE FROM documents WHERE component = ? AND id = ?");
    this.counters = this.db.prepare(
      "INSERT INTO components (component, next_doc_id, last_creation_time) VALUES (?, ?, ?) ON CONFLICT (component) DO UPDATE SET next_doc_id = excluded.next_doc_id, last_creation_time = excluded.last_creation_time",
    );
  }

  /** True when no commit was ever stored. */
  isEmpty(): boolean {
    return this.db.prepare("SELECT 1 FROM components LIMIT 1").get() === undefined;
  }

  /** The stored store, or null when empty. */
  load(): Snapshot | null {
    if (this.isEmpty()) return null;
    const components: Snapshot["components"] = {};
    for (const row of this.db.prepare("SELECT component, next_doc_id, last_creation_time FROM components").all()) {
      components[row.component as string] = { documents: [], nextDocId: Number(row.next_doc_id), lastCreationTime: Number(row.last_creation_time) };
    }
    for (const row of this.db.prepare("SELECT component, value FROM documents").iterate()) {
      const component = (components[row.component as string] ??= { documents: [], nextDocId: 10_000, lastCreationTime: 0 });
      component.documents.push(jsonToConvex(JSON.parse(row.value as string) as JSONValue) as Doc);
    }
    return { components };
  }

  /** Writes one commit's changed documents and the counters, durably, in one transaction. */
  write(commit: Commit) {
    const started = performance.now();
    this.transaction(() => {
      for (const change of commit.changes) {
        if (change.after) this.upsert.run(change.component, change.id, JSON.stringify(convexToJson(change.after as Value)));
        else this.remove.run(change.component, change.id);
      }
      for (const [component, { nextDocId, lastCreationTime }] of Object.entries(commit.components)) {
        this.counters.run(component, nextDocId, lastCreationTime);
      }
    });
    this.longestWriteMs = Math.max(this.longestWriteMs, performance.now() - started);
    this.scheduleCheckpoint();
  }

  /** Writes documents changed outside a transaction (restart bookkeeping) of one component. */
  writeDocuments(component: string, docs: Doc[]) {
    if (docs.length === 0) return;
    this.transaction(() => {
      for (const doc of docs) this.upsert.run(component, doc._id as string, JSON.stringify(convexToJson(doc as Value)));
    });
  }

  /** Replaces everything stored with `snapshot` (first start after the JSON file). */
  replaceAll(snapshot: Snapshot) {
    this.transaction(() => {
      this.db.exec("DELETE FROM documents; DELETE FROM components;");
      for (const [component, saved] of Object.entries(snapshot.components)) {
        for (const doc of saved.documents) this.upsert.run(component, doc._id as string, JSON.stringify(convexToJson(doc as Value)));
        this.counters.run(component, saved.nextDocId, saved.lastCreationTime);
      }
    });
    this.checkpoint();
  }

  /**
   * Reads `data.json` from an earlier version, if there is one and nothing was stored yet, and
   * stores its contents; the file is kept beside, renamed `data.json.migrated`.
   */
  migrateLegacy(stateDir: string, log: (line: string) => void): boolean {
    const legacy = join(stateDir, LEGACY_FILE);
    if (!existsSync(legacy) || !this.isEmpty()) return false;
    this.replaceAll(fromJsonSnapshot(JSON.parse(readFileSync(legacy, "utf8")) as JsonSnapshot));
    renameSync(legacy, `${legacy}.migrated`);
    chmodSync(`${legacy}.migrated`, 0o600);
    log(`moved the data of ${legacy} into ${this.file} (the old file is kept as ${LEGACY_FILE}.migrated)`);
    return true;
  }

  /** Folds the WAL into the database file. PASSIVE: never waits, never blocks a writer. */
  checkpoint() {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    const started = performance.now();
    this.db.exec("PRAGMA wal_checkpoint(PASSIVE)");
    this.longestCheckpointMs = Math.max(this.longestCheckpointMs, performance.now() - started);
  }

  close() {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    this.db.close();
  }

  private scheduleCheckpoint() {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => this.checkpoint(), CHECKPOINT_DELAY_MS);
    this.checkpointTimer.unref();
  }

  private transaction(work: () => void) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }
}
