// The browser tests use Debian's Chromium (Playwright's own download cannot work offline).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing it with apt-get…");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install =
      update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" }) : update;
    if (install.status === 0 && existsSync(CHROMIUM_PATH)) return;
  }
  console.error(
    `\nThe browser tests need Chromium at ${CHROMIUM_PATH}.\n` +
      "Install it with:  sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium/Chrome binary.\n",
  );
  process.exit(1);
}
