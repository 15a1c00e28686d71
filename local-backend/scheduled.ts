// Scheduled functions across restarts. convex-test arms a timer per scheduled function; a new
// process (or a reloaded engine) has lost those timers, so it re-arms pending jobs itself, and
// decides what becomes of jobs a crash caught mid-run, as Convex does: a mutation runs exactly
// once (it had not committed, so it runs again), an action at most once (it is recorded as
// failed, with the reason).
import type { Value } from "convex/values";
import type { Doc, FakeDb, IndexedStore } from "./indexed-db.ts";

export type ScheduledJob = {
  _id: string;
  name: string;
  args: Value[];
  scheduledTime: number;
  state: { kind: "pending" | "inProgress" | "success" | "failed" | "canceled"; error?: string };
};

type Runner = {
  fun(path: { componentPath: string; udfPath: string }, args: Value): Promise<unknown>;
  runInComponent<T>(componentPath: string, handler: () => Promise<T>): Promise<T>;
};

export const INTERRUPTED_ACTION =
  "The local backend stopped while this action ran; actions run at most once, so it was not retried.";
export const INTERRUPTED_BY_RELOAD = "convex/ was reloaded while this function ran.";

export function scheduledJobs(store: IndexedStore): ScheduledJob[] {
  return [...store.docs("_scheduled_functions")].map((doc) => doc as unknown as ScheduledJob);
}

/**
 * Settles jobs left `inProgress`: after a crash a mutation goes back to pending (to run again),
 * an action is marked failed with the reason; after a reload, both are marked failed (the
 * previous engine may still be running them). Returns the documents it changed.
 */
export function settleInterrupted(
  store: IndexedStore,
  kindOf: (name: string) => "mutation" | "action" | undefined,
  afterCrash: boolean,
): Doc[] {
  const changed: Doc[] = [];
  for (const job of scheduledJobs(store)) {
    if (job.state.kind !== "inProgress") continue;
    const rerun = afterCrash && kindOf(job.name) === "mutation";
    const state = rerun
      ? { kind: "pending" }
      : { kind: "failed", error: afterCrash ? INTERRUPTED_ACTION : INTERRUPTED_BY_RELOAD };
    const doc: Doc = { ...(job as unknown as Doc), state };
    if (!rerun) doc.completedTime = Date.now();
    store.putCommitted(doc);
    changed.push(doc);
  }
  return changed;
}

/** Mirrors convex-test's own runner for a job whose timer was lost with the previous process. */
export function runRecoveredJob(t: Runner, componentPath: string, db: FakeDb, jobId: string) {
  const job = db._documents[jobId] as unknown as ScheduledJob;
  const delay = Math.max(0, job.scheduledTime - Date.now());
  setTimeout(() => {
    void (async () => {
      const setState = (state: ScheduledJob["state"], when: "start" | "end") =>
        t.runInComponent(componentPath, async () => {
          const current = db.get("_scheduled_functions", jobId) as unknown as ScheduledJob | null;
          if (!current) return false;
          if (when === "start" && current.state.kind !== "pending") return false;
          db.patch("_scheduled_functions", jobId, {
            state,
            ...(when === "end" ? { completedTime: Date.now() } : {}),
          } as never);
          return true;
        });
      if (!(await setState({ kind: "inProgress" }, "start"))) return;
      try {
        await t.fun({ componentPath, udfPath: job.name }, job.args[0] ?? {});
        await setState({ kind: "success" }, "end");
      } catch (error) {
        console.error(`Scheduled function ${job.name} failed:`, error);
        await setState({ kind: "failed", error: String((error as Error)?.message ?? error) }, "end");
      }
    })();
  }, delay);
}
