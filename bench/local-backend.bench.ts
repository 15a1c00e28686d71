// The local backend itself, at two store sizes built in this run (about 1k and 100k documents,
// the same org under test in both): latency of the app's own functions through the unmodified
// clients, live-query latency for 20 signed-in users (and for 20 clients of one user),
// persistence stalls, startup time and memory. One JSON line per store size; figures only,
// nothing passes or fails on time:
// {"bench":"local-backend","docs":N,"getOrgBySlug":{"p50Ms":…,"p95Ms":…},…}
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { importPKCS8, SignJWT } from "jose";
import { buildStore, type BuiltStore } from "./lib/store.ts";

const root = join(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_LOCAL_DOCS ?? "1000,100000").split(",").map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const SUBSCRIBERS = 20;
const ORG_MEMBERS = 200;
const RSVPS_PER_WRITER = 10;

const getOrgBySlug = makeFunctionReference<"query", { slug: string }>("orgs/queries:getOrgBySlug");
const listMembers = makeFunctionReference<
  "query",
  { orgId: string; paginationOpts: { numItems: number; cursor: string | null } }
>("orgs/queries:listMembers");
const getEvent = makeFunctionReference<"query", { eventId: string }, { goingCount: number }>("events/queries:getEvent");
const rsvp = makeFunctionReference<"mutation", { eventId: string; status: "going" | "not_going" }>(
  "events/mutations:rsvp",
);

type Ready = { url: string; siteUrl: string };
type Stats = {
  rss: number;
  eventLoopMaxMs: number;
  eventLoopMaxCpuMs: number;
  gcMaxMs: number;
  cpuMs: number;
  evaluations: number;
  longestWriteMs: number;
  longestCheckpointMs: number;
  storeLoadMs: number;
  indexWarmMs: number | null;
};

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2));
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function time(samples: number, run: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run(i);
    out.push(performance.now() - started);
  }
  return percentiles(out);
}

function startChild(stateDir: string): Promise<{ child: ChildProcess; ready: Ready; startupMs: number }> {
  const started = performance.now();
  const child = fork(
    join(root, "local-backend", "main.ts"),
    ["--root", root, "--state-dir", stateDir, "--port", "0", "--site-port", "0", "--no-watch"],
    {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (ready: Ready) => resolve({ child, ready, startupMs: performance.now() - started }));
    child.once("exit", (code) => reject(new Error(`backend exited (${code})`)));
  });
}

function childStats(child: ChildProcess, reset = false): Promise<Stats> {
  return new Promise((resolve) => {
    const listener = (message: { type?: string } & Stats) => {
      if (message.type !== "stats") return;
      child.off("message", listener);
      resolve(message);
    };
    child.on("message", listener);
    child.send({ type: "stats", reset });
  });
}

async function measure(store: BuiltStore, stateDir: string) {
  const { child, ready, startupMs } = await startChild(stateDir);
  const keys = JSON.parse(readFileSync(join(stateDir, "auth-keys.json"), "utf8")) as { JWT_PRIVATE_KEY: string };
  const key = await importPKCS8(keys.JWT_PRIVATE_KEY, "RS256");
  const tokenFor = (userId: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setSubject(`${userId}|bench`)
      .setIssuer(ready.siteUrl)
      .setAudience("convex")
      .setIssuedAt()
      .setExpirationTime("2h")
      .sign(key);
  const options = { skipConvexDeploymentUrlCheck: true, logger: false } as const;
  const http = new ConvexHttpClient(ready.url, options);
  http.setAuth(await tokenFor(store.memberIds[1]!));
  // RSVPs are rate-limited per user (20 in a burst), so writers take turns: each makes at most
  // RSVPS_PER_WRITER changes, an even number, so each leaves the going count as it found it.
  const writerPool = async (userIds: string[]) => {
    const clients = await Promise.all(
      userIds.map(async (userId) => {
        const client = new ConvexHttpClient(ready.url, options);
        client.setAuth(await tokenFor(userId));
        return client;
      }),
    );
    return (round: number) => clients[Math.floor(round / RSVPS_PER_WRITER)]!;
  };
  const writersNeeded = Math.ceil(SAMPLES / RSVPS_PER_WRITER);
  const rsvper = await writerPool(store.memberIds.slice(ORG_MEMBERS - writersNeeded));

  // Measure the steady state: wait for the indexes the backend builds after loading the store
  // (their build time is reported as indexWarmMs; eventLoopMaxMs includes its stalls).
  let warm = await childStats(child);
  while (warm.indexWarmMs === null) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    warm = await childStats(child);
  }
  // From here on the figures are the steady state's; the start-up phase's are reported apart.
  warm = await childStats(child, true);

  const slugQuery = await time(SAMPLES, () => http.query(getOrgBySlug, { slug: store.slug }));
  const memberPage = await time(SAMPLES, () =>
    http.query(listMembers, { orgId: store.orgId, paginationOpts: { numItems: 50, cursor: null } }),
  );
  const rsvpCall = await time(SAMPLES, (i) =>
    rsvper(i).mutation(rsvp, { eventId: store.eventId, status: i % 2 ? "not_going" : "going" }),
  );

  // 20 different signed-in users watch the event page (20 evaluations per change), then 20
  // clients of one user (one evaluation shared by all); a writer RSVPs; time until each sees it.
  const watch = async (userIds: string[], writerIds: string[]) => {
    const subscribers = await Promise.all(
      userIds.map(async (userId) => {
        const client = new ConvexClient(ready.url, options);
        const token = await tokenFor(userId);
        client.setAuth(async () => token);
        return client;
      }),
    );
    const latest = subscribers.map(() => -1);
    const waiters: ((count: number, at: number) => void)[] = subscribers.map(() => () => {});
    subscribers.forEach((client, index) =>
      client.onUpdate(getEvent, { eventId: store.eventId }, (page) => {
        latest[index] = page.goingCount;
        waiters[index]!(page.goingCount, performance.now());
      }),
    );
    await Promise.all(subscribers.map((client) => client.query(getEvent, { eventId: store.eventId })));
    while (latest.some((count) => count < 0)) await new Promise((resolve) => setTimeout(resolve, 20));
    const writer = await writerPool(writerIds);
    const updates: number[] = [];
    const before = await childStats(child);
    for (let round = 0; round < SAMPLES; round++) {
      const going = round % 2 === 0;
      const target = latest[0]! + (going ? 1 : -1);
      const arrivals = subscribers.map(
        (_, index) =>
          new Promise<number>((resolve) => {
            waiters[index] = (count, at) => count === target && resolve(at);
            if (latest[index] === target) resolve(performance.now());
          }),
      );
      const started = performance.now();
      await writer(round).mutation(rsvp, { eventId: store.eventId, status: going ? "going" : "not_going" });
      for (const at of await Promise.all(arrivals)) updates.push(at - started);
    }
    const after = await childStats(child);
    await Promise.all(subscribers.map((client) => client.close()));
    // Per change, counted in the backend: its main thread's CPU time (the mutation, the
    // re-evaluations and the messages; not the time spent waiting for a core) and evaluations.
    const perChange = (value: number) => Number((value / SAMPLES).toFixed(2));
    return {
      ...percentiles(updates),
      serverCpuMs: perChange(after.cpuMs - before.cpuMs),
      evaluations: perChange(after.evaluations - before.evaluations),
    };
  };
  const writersFrom = (start: number) => store.memberIds.slice(start, start + writersNeeded);
  const update20Users = await watch(store.memberIds.slice(3, 3 + SUBSCRIBERS), writersFrom(4 + SUBSCRIBERS));
  const update20Clients = await watch(
    Array.from({ length: SUBSCRIBERS }, () => store.memberIds[3 + SUBSCRIBERS]!),
    writersFrom(4 + SUBSCRIBERS + writersNeeded),
  );
  const stats = await childStats(child);
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  return {
    getOrgBySlug: slugQuery,
    memberPage,
    rsvp: rsvpCall,
    update20Users,
    update20Clients,
    // Persistence on the event loop: commit writes (checkpoints run in a worker thread).
    persistStallMaxMs: Number(stats.longestWriteMs.toFixed(2)),
    checkpointMaxMs: Number(stats.longestCheckpointMs.toFixed(2)),
    eventLoopMaxMs: Number(stats.eventLoopMaxMs.toFixed(2)),
    eventLoopMaxCpuMs: Number(stats.eventLoopMaxCpuMs.toFixed(2)),
    gcMaxMs: Number(stats.gcMaxMs.toFixed(2)),
    startupEventLoopMaxMs: Number(warm.eventLoopMaxMs.toFixed(2)),
    startupEventLoopMaxCpuMs: Number(warm.eventLoopMaxCpuMs.toFixed(2)),
    startupMs: Number(startupMs.toFixed(0)),
    storeLoadMs: Number(stats.storeLoadMs.toFixed(0)),
    indexWarmMs: Number((warm.indexWarmMs ?? 0).toFixed(0)),
    rssMb: Number((stats.rss / 2 ** 20).toFixed(1)),
  };
}

for (const documents of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), "bench-local-backend-"));
  try {
    const stateDir = join(dir, "state");
    const store = await buildStore(stateDir, { documents, orgMembers: ORG_MEMBERS });
    const figures = await measure(store, stateDir);
    console.log(
      JSON.stringify({
        bench: "local-backend",
        docs: store.documents,
        orgMembers: ORG_MEMBERS,
        samples: SAMPLES,
        ...figures,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
