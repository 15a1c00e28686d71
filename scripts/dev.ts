// `npm run dev`: the app on the local backend (default), or on a Convex deployment when
// CONVEX_DEPLOYMENT or VITE_CONVEX_URL is set (env or .env.local). Ctrl-C stops everything.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { readDotEnv } from "../local-backend/env.ts";
import { migrateStore, seedDemoWorld } from "./seed-client.ts";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const env = { ...readDotEnv(join(root, ".env.local")), ...process.env };
const appPort = env.PORT ?? "3000";
const children: ChildProcess[] = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function run(command: string, args: string[], extraEnv: Record<string, string>) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  child.on("exit", (code) => {
    console.log(`${command.split("/").pop()} exited (${code ?? "signal"}); stopping.`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

if (env.CONVEX_DEPLOYMENT || env.VITE_CONVEX_URL) {
  console.log(`Backend: Convex deployment ${env.CONVEX_DEPLOYMENT ?? env.VITE_CONVEX_URL} (convex dev)`);
  run(bin("convex"), ["dev"], {});
  run(bin("vite"), ["dev", "--port", appPort, "--strictPort"], {});
  console.log(`App: http://localhost:${appPort}`);
} else {
  // Links in emails point at this app: its port, unless SITE_URL says otherwise.
  const siteUrl = env.SITE_URL ?? `http://127.0.0.1:${appPort}`;
  const backend = fork(join(root, "local-backend", "main.ts"), [], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, SITE_URL: siteUrl },
  });
  children.push(backend);
  backend.on("exit", (code) => stopAll(code ?? 1));
  const ready = await new Promise<{ url: string; siteUrl: string; adminKey: string; empty: boolean }>((resolve) =>
    backend.on("message", (message) => resolve(message as never)),
  );
  if (ready.empty) console.log("Empty store: creating the demo world…");
  else await migrateStore(ready.url, ready.adminKey);
  // Always called: it seeds only an empty store, and prints the demo logins on every start.
  await seedDemoWorld(ready.url, ready.adminKey);
  run(bin("vite"), ["dev", "--port", appPort, "--strictPort", "--host", "127.0.0.1"], {
    VITE_CONVEX_URL: ready.url,
    VITE_CONVEX_SITE_URL: ready.siteUrl,
  });
  console.log(`\n  Backend: local (${ready.url}; data in .local/backend, reset with npm run backend:reset)`);
  // Vite binds 127.0.0.1 only; "localhost" may resolve to ::1 first and fail, so print the address.
  console.log(`  App:     http://127.0.0.1:${appPort}\n`);
}
