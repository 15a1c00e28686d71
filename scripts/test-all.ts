// `npm test`: the deploy bundle check (convex/ bundles for both Convex runtimes), unit and backend
// tests (vitest: node + convex-test projects), then browser tests.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const step = (label: string, command: string, args: string[]) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
};

step("deploy bundle check", process.execPath, [join(root, "scripts", "check-deploy-bundle.ts")]);
step("unit and backend tests", join(root, "node_modules", ".bin", "vitest"), ["run"]);
step("browser tests", process.execPath, [join(root, "e2e", "run.ts")]);
console.log("\n✔ all tests passed");
