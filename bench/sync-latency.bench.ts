// Live-query latency of the local backend: 20 clients subscribe to one query; a writer commits
// mutations one at a time; we time each subscriber from the mutation call to its update.
// Prints one JSON line. A figure, not a test: nothing here passes or fails on time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { startBackend } from "../local-backend/backend.ts";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const list = makeFunctionReference<"query", Record<string, never>, string[]>("messages:list");
const send = makeFunctionReference<"mutation", { body: string }>("messages:send");

const stateDir = mkdtempSync(join(tmpdir(), "bench-sync-"));
const backend = await startBackend({ root: join(import.meta.dirname, "..", "local-backend", "test-fixture"), stateDir, port: 0, sitePort: 0, log: () => {} });
const options = { skipConvexDeploymentUrlCheck: true, logger: false } as const;
const writer = new ConvexClient(backend.url, options);
const subscribers = Array.from({ length: SUBSCRIBERS }, () => new ConvexClient(backend.url, options));

// Each subscriber reports when it first sees a given message body.
const waiters = new Map<string, ((at: number) => void)[]>();
const seen = subscribers.map(() => new Set<string>());
subscribers.forEach((client, index) => {
  client.onUpdate(list, {}, (bodies) => {
    const now = performance.now();
    for (const body of bodies) {
      if (seen[index]!.has(body)) continue;
      seen[index]!.add(body);
      waiters.get(`${index}:${body}`)?.forEach((resolve) => resolve(now));
    }
  });
});
await Promise.all(subscribers.map((client) => client.query(list, {})));

const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const body = `round-${round}`;
  const arrivals = subscribers.map(
    (_, index) => new Promise<number>((resolve) => waiters.set(`${index}:${body}`, [resolve])),
  );
  const started = performance.now();
  await writer.mutation(send, { body });
  for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - started);
}

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
console.log(
  JSON.stringify({
    bench: "sync",
    subscribers: SUBSCRIBERS,
    rounds: ROUNDS,
    samples: latencies.length,
    p50Ms: Number(percentile(50).toFixed(2)),
    p95Ms: Number(percentile(95).toFixed(2)),
    maxMs: Number(latencies[latencies.length - 1]!.toFixed(2)),
  }),
);

await Promise.all([writer, ...subscribers].map((client) => client.close()));
await backend.close();
rmSync(stateDir, { recursive: true, force: true });
process.exit(0);
