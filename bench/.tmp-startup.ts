import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildStore } from "./lib/store.ts";
const root = join(import.meta.dirname, "..");
const stateDir = "/tmp/lb2/store100k";
if (!existsSync(join(stateDir, "data.sqlite"))) await buildStore(stateDir, { documents: 100000, orgMembers: 200 });
for (let i = 0; i < Number(process.env.N ?? 3); i++) {
  const started = performance.now();
  const child = fork(join(root, "local-backend", "main.ts"), ["--root", root, "--state-dir", stateDir, "--port", "0", "--site-port", "0", "--no-watch"], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise((r) => child.once("message", r));
  console.log("startupMs", (performance.now() - started).toFixed(0));
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
process.exit(0);
