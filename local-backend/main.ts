// `npm run backend`: the local Convex-compatible backend on 127.0.0.1:3210 (site on :3211).
//   --reset        start from an empty store      --reset-only   empty the store and exit
//   --port N       --site-port N                  --no-watch     don't reload on changes
//   --state-dir D  where data and keys live (default .local/backend)
//   --root D       the app whose convex/ to serve (default this repository)
//   --allow-origin O  another browser origin that may use it (repeatable); localhost on the
//                  app's and backend's ports and SITE_URL always may, other pages get 403
import { join } from "node:path";
import { parseArgs } from "node:util";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { startBackend } from "./backend.ts";
import { DATA_FILE, deleteData } from "./storage.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.LOCAL_BACKEND_PORT ?? "3210" },
    "site-port": { type: "string", default: process.env.LOCAL_BACKEND_SITE_PORT ?? "3211" },
    reset: { type: "boolean", default: false },
    "reset-only": { type: "boolean", default: false },
    "no-watch": { type: "boolean", default: false },
    "state-dir": { type: "string", default: join(import.meta.dirname, "..", ".local", "backend") },
    root: { type: "string", default: join(import.meta.dirname, "..") },
    "allow-origin": { type: "string", multiple: true, default: [] },
  },
});
const root = values.root;
const stateDir = values["state-dir"];

if (values["reset-only"]) {
  deleteData(stateDir);
  console.log(`Local backend data deleted (${join(stateDir, DATA_FILE)}).`);
  process.exit(0);
}

const backend = await startBackend({
  root,
  stateDir,
  port: Number(values.port),
  sitePort: Number(values["site-port"]),
  reset: values.reset,
  watch: !values["no-watch"],
  allowedOrigins: values["allow-origin"],
});
console.log(`[local-backend] Convex API on ${backend.url}, HTTP actions on ${backend.siteUrl}`);
console.log(`[local-backend] data in ${join(stateDir, DATA_FILE)} (reset: npm run backend:reset)`);
if (process.send) {
  process.send({
    type: "ready",
    url: backend.url,
    siteUrl: backend.siteUrl,
    adminKey: backend.adminKey,
    empty: backend.isEmpty(),
  });
  // A parent process (the benchmark) may ask for figures.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // The event loop's delay in wall time includes the time this process waited for a core on a
  // loaded machine; the CPU time this thread spent between two ticks of a 5 ms timer is the
  // part its own work caused (the longest task, or tasks run back to back).
  let eventLoopMaxCpuMs = 0;
  let lastCpu = process.threadCpuUsage();
  setInterval(() => {
    const cpu = process.threadCpuUsage();
    eventLoopMaxCpuMs = Math.max(eventLoopMaxCpuMs, (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000);
    lastCpu = cpu;
  }, 5).unref();
  // Garbage-collection pauses, the longest one.
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }).observe({ entryTypes: ["gc"] });
  process.on("message", (message: { type?: string; reset?: boolean }) => {
    if (message?.type !== "stats") return;
    const cpu = process.threadCpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.send!({
      type: "stats",
      rss: process.memoryUsage().rss,
      eventLoopMaxMs: loop.max / 1e6,
      eventLoopMaxCpuMs,
      gcMaxMs,
      cpuMs,
      ...backend.stats(),
    });
    // The benchmark separates the start-up phase (index builds) from the steady state.
    if (message.reset) {
      loop.reset();
      eventLoopMaxCpuMs = 0;
      gcMaxMs = 0;
    }
  });
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void backend.close().then(() => process.exit(0));
  });
}
// The backend serves many clients: one bad request must never take it down.
process.on("unhandledRejection", (error) => console.error("[local-backend] unhandled rejection:", error));
process.on("uncaughtException", (error) => console.error("[local-backend] uncaught exception:", error));
