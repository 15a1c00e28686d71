// `npm run store:build`: fills the local backend's store with a large world, to try the app at
// size. Stop the backend first (npm run dev / npm run backend); the store must be empty.
//   --docs N         documents in all (default 100000)
//   --org-members N  members of the big org, slug "big-hub" (default 10000)
//   --reset          empty the store first
//   --state-dir D    default .local/backend
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildStore } from "../bench/lib/store.ts";
import { deleteData } from "../local-backend/storage.ts";

const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "100000" },
    "org-members": { type: "string", default: "10000" },
    reset: { type: "boolean", default: false },
    "state-dir": { type: "string", default: join(import.meta.dirname, "..", ".local", "backend") },
  },
});
const stateDir = values["state-dir"];
if (values.reset) deleteData(stateDir);
const started = performance.now();
try {
  const store = await buildStore(stateDir, {
    documents: Number(values.docs),
    orgMembers: Number(values["org-members"]),
    log: (line) => process.stdout.write(`\r${line}   `),
  });
  const site = process.env.SITE_URL ?? "http://localhost:3000";
  console.log(
    `\nBuilt ${store.documents} documents in ${((performance.now() - started) / 1000).toFixed(1)} s into ${stateDir}.`,
  );
  console.log(`The org under test: ${site}/org/${store.slug} (${store.memberIds.length} members).`);
  console.log(`Sign up in the app, then open ${site}/join/${store.inviteToken} to join it and see its member list.`);
  process.exit(0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
