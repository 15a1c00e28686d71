// `npm run seed`: creates the demo world. Targets the local backend (start it with `npm run dev`
// or `npm run backend`), or a deployment given CONVEX_URL and CONVEX_DEPLOY_KEY.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedDemoWorld } from "./seed-client.ts";

const root = join(import.meta.dirname, "..");
const keyFile = join(root, ".local", "backend", "admin-key");
const url = process.env.CONVEX_URL ?? `http://127.0.0.1:${process.env.LOCAL_BACKEND_PORT ?? "3210"}`;
const adminKey = process.env.CONVEX_DEPLOY_KEY ?? (existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "");
if (!adminKey) {
  console.error("No admin key: start the local backend once (npm run dev), or set CONVEX_URL and CONVEX_DEPLOY_KEY.");
  process.exit(1);
}
try {
  await seedDemoWorld(url, adminKey);
} catch (error) {
  console.error(`Seeding failed against ${url}: ${(error as Error).message}`);
  process.exit(1);
}
