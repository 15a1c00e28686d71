// The execution engine: convex/ running on convex-test (the official in-memory Convex
// implementation), plus what a long-running dev backend needs on top of a test harness:
// persistence, a commit hook for live queries, hot reload, and scheduled jobs that survive
// restarts and reloads.
import { AsyncLocalStorage } from "node:async_hooks";
import { convexTest } from "convex-test";
import { makeFunctionReference } from "convex/server";
import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import { join } from "node:path";
import { loadBundle, type LoadedModule } from "./bundle.ts";
import { installLongTimers } from "./long-timers.ts";
import { appModuleFiles, componentSpecs, serializeValidatorsOnce, type ComponentSpec } from "./modules.ts";
import type { FileStore } from "./files.ts";
import { installIndexes, type Change, type Doc, type FakeDb, type IndexedStore } from "./indexed-db.ts";
import { newReadSet, readTracking, type ReadSet } from "./read-sets.ts";
import { runRecoveredJob, scheduledJobs, settleInterrupted } from "./scheduled.ts";

export type UdfType = "query" | "mutation" | "action";

export type Identity = { subject: string; issuer: string; tokenIdentifier: string; [claim: string]: unknown };

/** A convex-test instance's hidden state, captured so the engine can persist and observe it. */
type ConvexGlobal = {
  components: Record<string, { db: FakeDb }>;
  asyncSyscall: (op: string, jsonArgs: string) => Promise<string>;
  transactionManager: {
    commit(isNested: boolean): unknown;
    rollback(isNested: boolean): void;
    _lastCommitTs: bigint;
    _metricsTracker: { getTransactionMetrics(): TransactionMetrics } | null;
  };
};

/** What convex-test's tracker reports for a transaction (the shape of ctx.meta.getTransactionMetrics()). */
export type TransactionMetrics = {
  bytesRead: { used: number; remaining: number };
  bytesWritten: { used: number; remaining: number };
  databaseQueries: { used: number; remaining: number };
  documentsRead: { used: number; remaining: number };
  documentsWritten: { used: number; remaining: number };
  functionsScheduled: { used: number; remaining: number };
  scheduledFunctionArgsBytes: { used: number; remaining: number };
};
/** A whole store: every component's documents and id/creation-time counters. */
export type Snapshot = {
  components: Record<string, { documents: Doc[]; nextDocId: number; lastCreationTime: number }>;
};
/** The store as `.local/backend/data.json` held it before the commit log. */
export type JsonSnapshot = {
  version: 1;
  components: Record<string, { documents: JSONValue[]; nextDocId: number; lastCreationTime: number }>;
};

export function fromJsonSnapshot(json: JsonSnapshot): Snapshot {
  const components: Snapshot["components"] = {};
  for (const [path, saved] of Object.entries(json.components)) {
    components[path] = { ...saved, documents: saved.documents.map((doc) => jsonToConvex(doc) as Doc) };
  }
  return { components };
}

type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
};

export class FunctionNotFound extends Error {}

// The convex-test accessor as the engine uses it: loosely typed, since function names arrive as
// strings at run time, plus two methods convex-test has but does not declare.
type FunctionPath = { componentPath: string; udfPath: string };
type Accessor = {
  query(ref: unknown, args: Record<string, Value>): Promise<unknown>;
  mutation(ref: unknown, args: Record<string, Value>): Promise<unknown>;
  action(ref: unknown, args: Record<string, Value>): Promise<unknown>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  withIdentity(identity: Record<string, unknown>): Accessor;
  fun(path: FunctionPath, args: Value): Promise<unknown>;
  run<T>(handler: (ctx: { db: unknown }) => Promise<T>): Promise<T>;
  runInComponent<T>(componentPath: string, handler: () => Promise<T>): Promise<T>;
  finishInProgressScheduledFunctions(): Promise<void>;
};
type TestInstance = Accessor;

/** The engine's view of one committed transaction. */
export type Commit = { changes: Change[]; components: Record<string, { nextDocId: number; lastCreationTime: number }> };

export class Engine {
  private readonly t: TestInstance;
  private readonly global: ConvexGlobal;
  private readonly appModules: Record<string, () => Promise<LoadedModule>>;
  private readonly componentModules: Record<string, Record<string, () => Promise<LoadedModule>>>;
  readonly crons: LoadedModule;
  private readonly onCommit: (commit: Commit) => void;
  private readonly stores = new Map<string, IndexedStore>();
  private pendingChanges: Change[] = [];
  private retired = false;
  /** The app's mutations and actions by "module:export". */
  private appFunctionKinds = new Map<string, "mutation" | "action">();
  /** convex-test's per-request context: names the scheduled function a transaction runs for. */
  private requestMetadata: AsyncLocalStorage<{ scheduledFunctionId?: string | null }> | null = null;
  /** Metrics of the most recent top-level transaction (query or mutation). */
  lastTransactionMetrics: TransactionMetrics | null = null;

  private constructor(
    t: TestInstance,
    global: ConvexGlobal,
    appModules: Record<string, () => Promise<LoadedModule>>,
    componentModules: Record<string, Record<string, () => Promise<LoadedModule>>>,
    crons: LoadedModule,
    onCommit: (commit: Commit) => void,
  ) {
    this.t = t;
    this.global = global;
    this.appModules = appModules;
    this.componentModules = componentModules;
    this.crons = crons;
    this.onCommit = onCommit;
    for (const [path, { db }] of Object.entries(global.components)) {
      this.stores.set(
        path,
        installIndexes(db, (change) => this.pendingChanges.push(change)),
      );
    }
  }

  /**
   * Loads convex/ (a fresh module graph each call, so edits take effect) and builds an engine.
   * `onCommit` hears each committed transaction before the caller gets its result.
   */
  static async load(root: string, onCommit: (commit: Commit) => void): Promise<Engine> {
    installLongTimers();
    const specs = componentSpecs(root);
    const appFiles = appModuleFiles(root);
    // One bundle of everything (a fresh module graph each call, so edits take effect); a
    // syntax error anywhere fails the load instead of a later request.
    const files = [...appFiles, ...specs.flatMap((spec) => [...spec.files, spec.schemaFile])];
    const bundle = await loadBundle(files, join(root, ".local", "bundle-cache"));
    for (const module of bundle.values()) for (const fn of Object.values(module)) serializeValidatorsOnce(fn);
    const importFile = (file: string) => {
      const module = bundle.get(file)!;
      return () => Promise.resolve(module);
    };

    const appModules = Object.fromEntries(appFiles.map((file) => [file, importFile(file)]));
    const schema = (await importFile(`${root}/convex/schema.ts`)()).default;
    // Convex's per-transaction limits hold here too, so local development fails where production would.
    const test = convexTest({ schema: schema as never, modules: appModules, transactionLimits: true });
    const componentModules: Record<string, Record<string, () => Promise<LoadedModule>>> = {};
    for (const spec of specs) {
      const modules = Object.fromEntries(spec.files.map((file) => [file, importFile(file)]));
      const componentSchema = (await importFile(spec.schemaFile)()).default;
      test.registerComponent(spec.path, componentSchema as never, modules);
      componentModules[spec.path] = keyByPrefix(`${spec.schemaFile.slice(0, -"schema.ts".length)}`, modules);
    }
    const t = test as unknown as Accessor;
    const crons = (await importFile(`${root}/convex/crons.ts`)()).default as LoadedModule;
    const loaded = await Promise.all(
      Object.entries(keyByPrefix(`${root}/convex/`, appModules)).map(
        async ([path, load]) => [path, await load()] as const,
      ),
    );
    const kinds = new Map<string, "mutation" | "action">();
    for (const [path, module] of loaded) {
      for (const [name, fn] of Object.entries(module)) {
        const registered = fn as RegisteredFunction | null;
        if (registered?.isMutation) kinds.set(`${path}:${name}`, "mutation");
        else if (registered?.isAction) kinds.set(`${path}:${name}`, "action");
      }
    }

    const app = keyByPrefix(`${root}/convex/`, appModules);
    const engine = new Engine(t, captureGlobal(t), app, { ...componentModules, "": app }, crons, onCommit);
    engine.appFunctionKinds = kinds;
    engine.requestMetadata = await captureRequestMetadata(t);
    engine.hookCommits();
    return engine;
  }

  /** Runs a client call. Only public functions of the right type may be called from outside. */
  async run(type: UdfType, udfPath: string, args: Record<string, Value>, identity: Identity | null): Promise<Value> {
    const fn = await this.resolve(udfPath);
    const typeOk =
      (type === "query" && fn.isQuery) || (type === "mutation" && fn.isMutation) || (type === "action" && fn.isAction);
    if (!fn.isPublic || !typeOk) {
      throw new FunctionNotFound(`Could not find public ${type} "${udfPath}".`);
    }
    const accessor = identity ? this.t.withIdentity(identity) : this.t;
    const ref = makeFunctionReference(normalizeUdfPath(udfPath));
    return (await accessor[type](ref, args)) as Value;
  }

  /** Runs a public query and reports what it read (its read set), for live-query invalidation. */
  async runTracked(
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ): Promise<{ reads: ReadSet; run: Promise<Value> }> {
    const reads = newReadSet();
    const run = readTracking.run(reads, () => this.run("query", udfPath, args, identity));
    await run.catch(() => undefined);
    return { reads, run };
  }

  /** Runs any function (internal ones included) as the system: crons, seeding, admin tools. */
  async runInternal(udfPath: string, args: Record<string, Value>): Promise<Value> {
    return (await this.t.fun({ componentPath: "", udfPath: normalizeUdfPath(udfPath) }, args)) as Value;
  }

  /** Runs a handler in a mutation transaction as the system (seeding, benchmarks). */
  async runAsSystem<T>(handler: (ctx: { db: unknown }) => Promise<T>): Promise<T> {
    return await this.t.run(handler);
  }

  /** Serves a request routed by convex/http.ts. */
  async fetch(pathAndQuery: string, init: RequestInit): Promise<Response> {
    return await this.t.fetch(pathAndQuery, init);
  }

  /** True when the app's own tables (not components') hold any document. */
  hasDocuments(): boolean {
    for (const _id in this.global.components[""]?.db._documents ?? {}) return true;
    return false;
  }

  /** Every component's documents and counters (shared objects: documents are never mutated in place). */
  snapshot(): Snapshot {
    const components: Snapshot["components"] = {};
    for (const [path, { db }] of Object.entries(this.global.components)) {
      components[path] = {
        documents: Object.values(db._documents),
        nextDocId: db._nextDocId,
        lastCreationTime: db._lastCreationTime,
      };
    }
    return { components };
  }

  /** Each component's id and creation-time counters (persisted with every commit). */
  counters(): Commit["components"] {
    const components: Commit["components"] = {};
    for (const [path, { db }] of Object.entries(this.global.components)) {
      components[path] = { nextDocId: db._nextDocId, lastCreationTime: db._lastCreationTime };
    }
    return components;
  }

  /**
   * Loads a snapshot into this (empty) engine, settles the scheduled functions the previous
   * process (or engine, when `afterCrash` is false) left running, and re-arms the pending ones.
   * Returns the documents it changed, for the caller to persist.
   */
  async restore(snapshot: Snapshot, afterCrash = true): Promise<{ component: string; doc: Doc }[]> {
    for (const [path, saved] of Object.entries(snapshot.components)) {
      const component = this.global.components[path];
      if (!component) continue; // a component that was uninstalled
      const documents: Record<string, Doc> = {};
      for (const doc of saved.documents) documents[doc._id as string] = doc;
      component.db._documents = documents;
      component.db._nextDocId = saved.nextDocId;
      component.db._lastCreationTime = saved.lastCreationTime;
      this.stores.get(path)?.rebuild(saved.documents);
    }
    const changed: { component: string; doc: Doc }[] = [];
    for (const [path, { db }] of Object.entries(this.global.components)) {
      const store = this.stores.get(path)!;
      const kinds = new Map<string, "mutation" | "action" | undefined>();
      for (const job of scheduledJobs(store)) {
        if (job.state.kind === "inProgress") kinds.set(job.name, await this.kindOf(path, job.name));
      }
      for (const doc of settleInterrupted(store, (name) => kinds.get(name), afterCrash))
        changed.push({ component: path, doc });
      for (const job of scheduledJobs(store)) {
        if (job.state.kind === "pending") runRecoveredJob(this.t, path, db, job._id);
      }
    }
    return changed;
  }

  /**
   * Builds every index now, in small steps between requests, instead of on the first query that
   * needs it (which would stall that request). A build that a commit interrupts starts over; after
   * three tries it is left to the first query. Stops if the engine is retired.
   */
  async warmIndexes() {
    const started = performance.now();
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (const store of this.stores.values()) {
      for (const [table, index] of store.indexNames()) {
        for (let attempt = 0; attempt < 3; attempt++) {
          if (this.retired) return;
          if (await store.buildIndexInSteps(table, index, pause)) break;
        }
      }
    }
    this.indexWarmMs = performance.now() - started;
  }
  /** How long building every index took after a load (null until done). */
  indexWarmMs: number | null = null;

  /**
   * Serves file storage from `files`: upload and file URLs on the deployment, and every stored
   * file also written to disk (read back after a restart). `previous` hands over files held in
   * memory by the engine this one replaces (hot reload).
   */
  attachFiles(files: FileStore, previous?: Engine) {
    const db = this.global.components[""]!.db as unknown as FileDb;
    if (previous) Object.assign(db._storage, (previous.global.components[""]!.db as unknown as FileDb)._storage);
    db.storeFile = (storageId, blob) => {
      db._storage[storageId] = blob;
      files.persist(storageId, blob);
    };
    db.getFile = (storageId) => {
      if (db.get("_storage", storageId) === null) return null;
      const blob = db._storage[storageId] ?? files.read(storageId);
      if (blob) db._storage[storageId] = blob;
      return blob ?? null;
    };
    const syscall = this.global.asyncSyscall;
    this.global.asyncSyscall = async (op, jsonArgs) => {
      if (op === "1.0/storageGenerateUploadUrl") return JSON.stringify(files.uploadUrl());
      if (op === "1.0/storageGetUrl") {
        const { storageId } = JSON.parse(jsonArgs) as { storageId: string };
        const exists = db._documents[storageId] !== undefined && db.get("_storage", storageId) !== null;
        return JSON.stringify(exists ? files.fileUrl(storageId) : null);
      }
      return await syscall(op, jsonArgs);
    };
    this.files = files;
  }
  private files: FileStore | null = null;

  /** Stores an uploaded file (as `ctx.storage.store` does) and returns its storage id once it is on disk. */
  async storeUpload(bytes: Buffer): Promise<string> {
    const storageId = (await this.t.action(
      async (ctx: { storage: { store(blob: Blob): Promise<string> } }) =>
        ctx.storage.store(new Blob([new Uint8Array(bytes)])),
      {},
    )) as unknown as string;
    await this.files?.flushed(storageId);
    return storageId;
  }

  /** A stored file, or null when there is none by that id. */
  readUpload(storageId: string): Blob | null {
    const db = this.global.components[""]!.db as unknown as FileDb;
    if (db._documents[storageId] === undefined) return null;
    return db.getFile(storageId);
  }

  /** Whether a `_storage` document exists for this id. */
  isStored(storageId: string): boolean {
    return (this.global.components[""]!.db as unknown as FileDb)._documents[storageId] !== undefined;
  }

  /** Stops this engine's pending scheduled jobs from running here: another engine takes them over. */
  retire() {
    this.retired = true;
    for (const store of this.stores.values()) {
      for (const job of scheduledJobs(store)) {
        if (job.state.kind === "pending")
          store.putCommitted({ ...(job as unknown as Doc), state: { kind: "canceled" } });
      }
    }
  }

  /**
   * convex-test commits a scheduled mutation, then marks its job done in a second transaction.
   * So that a crash in between cannot run it twice, the commit that carries the mutation's
   * writes also stores its job as done (memory catches up a moment later).
   */
  private markScheduledMutationDone(changes: Change[]) {
    const jobId = this.requestMetadata?.getStore()?.scheduledFunctionId;
    if (!jobId || changes.some((change) => change.id === jobId)) return;
    const job = this.stores.get("")?.table("_scheduled_functions").docs.get(jobId);
    if (!job || (job.state as { kind: string }).kind !== "inProgress") return;
    if (this.appFunctionKinds.get(normalizeUdfPath(job.name as string)) !== "mutation") return;
    changes.push({
      component: "",
      id: jobId,
      before: job,
      after: { ...job, state: { kind: "success" }, completedTime: Date.now() },
    });
  }

  private async kindOf(componentPath: string, name: string): Promise<"mutation" | "action" | undefined> {
    const [modulePath = "", exportName = "default"] = normalizeUdfPath(name).split(":");
    const load = this.componentModules[componentPath]?.[modulePath];
    const loaded: LoadedModule = load ? await load().catch(() => ({})) : {};
    const fn = loaded[exportName] as RegisteredFunction | undefined;
    return fn?.isMutation ? "mutation" : fn?.isAction ? "action" : undefined;
  }

  private async resolve(udfPath: string): Promise<RegisteredFunction> {
    const [modulePath, exportName = "default"] = normalizeUdfPath(udfPath).split(":");
    const load = this.appModules[modulePath ?? ""];
    if (!load) throw new FunctionNotFound(`Could not find module "${modulePath}".`);
    const fn = (await load())[exportName] as RegisteredFunction | undefined;
    if (!fn || (typeof fn !== "object" && typeof fn !== "function")) {
      throw new FunctionNotFound(`Could not find function "${udfPath}".`);
    }
    return fn;
  }

  private hookCommits() {
    const manager = this.global.transactionManager;
    const commit = manager.commit.bind(manager);
    const rollback = manager.rollback.bind(manager);
    const recordMetrics = (isNested: boolean) => {
      if (!isNested && manager._metricsTracker)
        this.lastTransactionMetrics = manager._metricsTracker.getTransactionMetrics();
    };
    manager.rollback = (isNested: boolean) => {
      recordMetrics(isNested);
      rollback(isNested);
    };
    manager.commit = (isNested: boolean) => {
      recordMetrics(isNested);
      const result = commit(isNested);
      if (!isNested && this.pendingChanges.length > 0) {
        const changes = this.pendingChanges;
        this.pendingChanges = [];
        this.markScheduledMutationDone(changes);
        this.onCommit({ changes, components: this.counters() });
      }
      return result;
    };
  }
}

/** "users/queries:viewer" and "users/queries.js:viewer" name the same function. */
export function normalizeUdfPath(udfPath: string): string {
  const [modulePath = "", exportName] = udfPath.split(":");
  const bare = modulePath.replace(/\.(js|ts)$/, "");
  return exportName === undefined ? bare : `${bare}:${exportName}`;
}

function keyByPrefix(prefix: string, modules: Record<string, () => Promise<LoadedModule>>) {
  return Object.fromEntries(
    Object.entries(modules).map(([file, load]) => [file.slice(prefix.length).replace(/\.(ts|js)$/, ""), load]),
  );
}

// convex-test keeps its database in a closure. Every call it makes enters an AsyncLocalStorage
// context holding that state, so one no-op call lets us see it.
// The same trick finds the storage convex-test keeps each request's metadata in: any call enters it.
async function captureRequestMetadata(t: TestInstance) {
  let captured: AsyncLocalStorage<{ scheduledFunctionId?: string | null }> | null = null;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: unknown, ...rest: unknown[]) {
    if (!captured && store && typeof store === "object" && "scheduledFunctionId" in store && "requestId" in store) {
      captured = this as AsyncLocalStorage<{ scheduledFunctionId?: string | null }>;
    }
    return (run as (...a: unknown[]) => unknown).call(this, store, ...rest);
  } as typeof run;
  try {
    await t.run(async () => undefined); // an empty transaction: writes nothing
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
  return captured;
}

export function captureGlobal(t: TestInstance): ConvexGlobal {
  let captured: ConvexGlobal | undefined;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: unknown, ...rest: unknown[]) {
    const candidate = store as Partial<ConvexGlobal> | undefined;
    if (
      !captured &&
      candidate &&
      typeof candidate === "object" &&
      "transactionManager" in candidate &&
      "components" in candidate
    ) {
      captured = candidate as ConvexGlobal;
    }
    return (run as (...a: unknown[]) => unknown).call(this, store, ...rest);
  } as typeof run;
  try {
    void t.finishInProgressScheduledFunctions();
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
  if (!captured) throw new Error("convex-test changed: could not capture its state.");
  return captured;
}

export type { ComponentSpec };

/** The parts of convex-test's database that hold files. */
type FileDb = {
  _documents: Record<string, unknown>;
  _storage: Record<string, Blob>;
  get(table: string, id: string): unknown;
  storeFile(storageId: string, blob: Blob): void;
  getFile(storageId: string): Blob | null;
};
