// `npm run test:e2e`: makes sure Chromium is there, then runs the browser tests.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureChromium } from "../scripts/chromium.ts";

const root = join(import.meta.dirname, "..");
ensureChromium();
const result = spawnSync(
  join(root, "node_modules", ".bin", "vitest"),
  ["run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
