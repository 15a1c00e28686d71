// The execution engine: convex/ running on convex-test (the official in-memory Convex
// implementation), plus what a long-running dev backend needs on top of a test harness:
// persistence, a commit hook for live queries, hot reload, and scheduled jobs that survive
// restarts and reloads.
import { AsyncLocalStorage } from "node:async_hooks";
import { convexTest } from "convex-test";
import { makeFunctionReference } from "convex/server";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { register } from "tsx/esm/api";
import { pathToFileURL } from "node:url";
import { installLongTimers } from "./long-timers.ts";
import { appModuleFiles, componentSpecs, type ComponentSpec } from "./modules.ts";

export type UdfType = "query" | "mutation" | "action";

export type Identity = { subject: string; issuer: string; tokenIdentifier: string; [claim: string]: unknown };

/** A convex-test instance's hidden state, captured so the engine can persist and observe it. */
type ConvexGlobal = {
  components: Record<string, { db: FakeDb }>;
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
type FakeDb = {
  _documents: Record<string, Record<string, Value>>;
  _nextDocId: number;
  _lastCreationTime: number;
  _writes: Record<string, unknown>[];
  get(table: string, id: string): Record<string, Value> | null;
  patch(table: string, id: string, value: Record<string, Value>): void;
};

export type Snapshot = {
  version: 1;
  components: Record<string, { documents: JSONValue[]; nextDocId: number; lastCreationTime: number }>;
};

type LoadedModule = Record<string, unknown>;
type RegisteredFunction = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
};

export class FunctionNotFound extends Error {}

let generation = 0;


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

export class Engine {
  private readonly t: TestInstance;
  private readonly global: ConvexGlobal;
  private readonly appModules: Record<string, () => Promise<LoadedModule>>;
  readonly crons: LoadedModule;
  private readonly onCommit: () => void;
  /** Metrics of the most recent top-level transaction (query or mutation). */
  lastTransactionMetrics: TransactionMetrics | null = null;

  private constructor(
    t: TestInstance,
    global: ConvexGlobal,
    appModules: Record<string, () => Promise<LoadedModule>>,
    crons: LoadedModule,
    onCommit: () => void,
  ) {
    this.t = t;
    this.global = global;
    this.appModules = appModules;
    this.crons = crons;
    this.onCommit = onCommit;
  }

  /** Loads convex/ (a fresh module graph each call, so edits take effect) and builds an engine. */
  static async load(root: string, onCommit: () => void): Promise<Engine> {
    installLongTimers();
    generation += 1;
    const loader = register({ namespace: `convex-gen-${generation}` });
    const importFile = (file: string) => () => loader.import(pathToFileURL(file).href, import.meta.url) as Promise<LoadedModule>;

    const appModules = Object.fromEntries(appModuleFiles(root).map((file) => [file, importFile(file)]));
    const schema = (await importFile(`${root}/convex/schema.ts`)()).default;
    // Convex's per-transaction limits hold here too, so local development fails where production would.
    const test = convexTest({ schema: schema as never, modules: appModules, transactionLimits: true });
    for (const spec of componentSpecs(root)) {
      const modules = Object.fromEntries(spec.files.map((file) => [file, importFile(file)]));
      const componentSchema = (await importFile(spec.schemaFile)()).default;
      test.registerComponent(spec.path, componentSchema as never, modules);
    }
    const t = test as unknown as Accessor;
    const crons = (await importFile(`${root}/convex/crons.ts`)()).default as LoadedModule;
    // Import every module now so a syntax error fails the load instead of a later request.
    await Promise.all(Object.values(appModules).map((load) => load()));

    const engine = new Engine(t, captureGlobal(t), keyByModulePath(root, appModules), crons, onCommit);
    engine.hookCommits();
    return engine;
  }

  /** Runs a client call. Only public functions of the right type may be called from outside. */
  async run(type: UdfType, udfPath: string, args: Record<string, Value>, identity: Identity | null): Promise<Value> {
    const fn = await this.resolve(udfPath);
    const typeOk = (type === "query" && fn.isQuery) || (type === "mutation" && fn.isMutation) || (type === "action" && fn.isAction);
    if (!fn.isPublic || !typeOk) {
      throw new FunctionNotFound(`Could not find public ${type} "${udfPath}".`);
    }
    const accessor = identity ? this.t.withIdentity(identity) : this.t;
    const ref = makeFunctionReference(normalizeUdfPath(udfPath));
    return (await accessor[type](ref, args)) as Value;
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

  snapshot(): Snapshot {
    const components: Snapshot["components"] = {};
    for (const [path, { db }] of Object.entries(this.global.components)) {
      components[path] = {
        documents: Object.values(db._documents).map((doc) => convexToJson(doc as Value)),
        nextDocId: db._nextDocId,
        lastCreationTime: db._lastCreationTime,
      };
    }
    return { version: 1, components };
  }

  /** Loads a snapshot into this (empty) engine and re-arms its pending scheduled functions. */
  restore(snapshot: Snapshot) {
    for (const [path, saved] of Object.entries(snapshot.components)) {
      const component = this.global.components[path];
      if (!component) continue; // a component that was uninstalled
      const documents: FakeDb["_documents"] = {};
      for (const json of saved.documents) {
        const doc = jsonToConvex(json) as Record<string, Value>;
        documents[doc._id as string] = doc;
      }
      component.db._documents = documents;
      component.db._nextDocId = saved.nextDocId;
      component.db._lastCreationTime = saved.lastCreationTime;
    }
    for (const [path, { db }] of Object.entries(this.global.components)) {
      for (const job of scheduledJobs(db)) {
        if (job.state.kind === "pending") this.armScheduledJob(path, db, job._id);
        // A job cut off by a restart ran at most partly; report it as failed, as Convex does for actions.
        if (job.state.kind === "inProgress") db._documents[job._id] = { ...db._documents[job._id], state: { kind: "failed" } };
      }
    }
  }

  /** Stops this engine's pending scheduled jobs from running here: another engine takes them over. */
  retire() {
    for (const { db } of Object.values(this.global.components)) {
      for (const job of scheduledJobs(db)) {
        if (job.state.kind === "pending") db._documents[job._id] = { ...db._documents[job._id], state: { kind: "canceled" } };
      }
    }
  }

  private async resolve(udfPath: string): Promise<RegisteredFunction> {
    const [modulePath, exportName = "default"] = normalizeUdfPath(udfPath).split(":");
    const load = this.appModules[modulePath ?? ""];
    if (!load) throw new FunctionNotFound(`Could not find module "${modulePath}".`);
    const fn = (await load())[exportName] as RegisteredFunction | undefined;
    if (!fn || typeof fn !== "object" && typeof fn !== "function") {
      throw new FunctionNotFound(`Could not find function "${udfPath}".`);
    }
    return fn;
  }

  private hookCommits() {
    const manager = this.global.transactionManager;
    const commit = manager.commit.bind(manager);
    const rollback = manager.rollback.bind(manager);
    const recordMetrics = (isNested: boolean) => {
      if (!isNested && manager._metricsTracker) this.lastTransactionMetrics = manager._metricsTracker.getTransactionMetrics();
    };
    manager.rollback = (isNested: boolean) => {
      recordMetrics(isNested);
      rollback(isNested);
    };
    manager.commit = (isNested: boolean) => {
      recordMetrics(isNested);
      const wrote = !isNested && Object.values(this.global.components).some(({ db }) => {
        const pending = db._writes[db._writes.length - 1];
        return pending !== undefined && Object.keys(pending).length > 0;
      });
      const result = commit(isNested);
      if (wrote) this.onCommit();
      return result;
    };
  }

  // Mirrors convex-test's own runner for a job whose timer was lost with the previous process.
  private armScheduledJob(componentPath: string, db: FakeDb, jobId: string) {
    const job = db._documents[jobId] as unknown as ScheduledJob;
    const delay = Math.max(0, job.scheduledTime - Date.now());
    setTimeout(() => {
      void (async () => {
        const setState = (state: ScheduledJob["state"], when: "start" | "end") =>
          this.t.runInComponent(componentPath, async () => {
            const current = db.get("_scheduled_functions", jobId) as unknown as ScheduledJob | null;
            if (!current) return false;
            if (when === "start" && current.state.kind !== "pending") return false;
            db.patch("_scheduled_functions", jobId, { state, ...(when === "end" ? { completedTime: Date.now() } : {}) } as never);
            return true;
          });
        if (!(await setState({ kind: "inProgress" }, "start"))) return;
        try {
          await this.t.fun({ componentPath, udfPath: job.name }, job.args[0] ?? {});
          await setState({ kind: "success" }, "end");
        } catch (error) {
          console.error(`Scheduled function ${job.name} failed:`, error);
          await setState({ kind: "failed" }, "end");
        }
      })();
    }, delay);
  }
}

type ScheduledJob = {
  _id: string;
  name: string;
  args: Value[];
  scheduledTime: number;
  state: { kind: "pending" | "inProgress" | "success" | "failed" | "canceled" };
};

function scheduledJobs(db: FakeDb): ScheduledJob[] {
  return Object.values(db._documents)
    .filter((doc) => (doc._id as string).endsWith("_scheduled_functions"))
    .map((doc) => doc as unknown as ScheduledJob);
}

/** "users/queries:viewer" and "users/queries.js:viewer" name the same function. */
export function normalizeUdfPath(udfPath: string): string {
  const [modulePath = "", exportName] = udfPath.split(":");
  const bare = modulePath.replace(/\.(js|ts)$/, "");
  return exportName === undefined ? bare : `${bare}:${exportName}`;
}

function keyByModulePath(root: string, modules: Record<string, () => Promise<LoadedModule>>) {
  const prefix = `${root}/convex/`;
  return Object.fromEntries(
    Object.entries(modules).map(([file, load]) => [file.slice(prefix.length).replace(/\.(ts|js)$/, ""), load]),
  );
}

// convex-test keeps its database in a closure. Every call it makes enters an AsyncLocalStorage
// context holding that state, so one no-op call lets us see it.
function captureGlobal(t: TestInstance): ConvexGlobal {
  let captured: ConvexGlobal | undefined;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: unknown, ...rest: unknown[]) {
    const candidate = store as Partial<ConvexGlobal> | undefined;
    if (!captured && candidate && typeof candidate === "object" && "transactionManager" in candidate && "components" in candidate) {
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
