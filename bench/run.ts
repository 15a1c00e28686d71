// `npm run bench`: runs every benchmark and prints their JSON lines (figures, never pass/fail).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const only = process.argv[2];
const benches = readdirSync(dir).filter((file) => file.endsWith(".bench.ts") && (!only || file.includes(only)));
let failed = false;
for (const file of benches) {
  const result = spawnSync(process.execPath, [join(dir, file)], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`bench ${file} crashed (exit ${result.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
