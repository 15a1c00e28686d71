// `npm run store:build`: fills the local backend's store with a large world, to try the app at
// size. Stop the backend first (npm run dev / npm run backend); the store must be empty.
//   --docs N         documents in all (default 100000)
//   --org-members N  members of the big org, slug "big-hub" (default 10000), with profiles,
//                    attendance at --events past events (default 20), engagement scores, tags,
//                    and an admin who can sign in (printed at the end)
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
    events: { type: "string", default: "20" },
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
    crm: { events: Number(values.events) },
    log: (line) => process.stdout.write(`\r${line}   `),
  });
  const site = process.env.SITE_URL ?? "http://localhost:3000";
  console.log(
    `\nBuilt ${store.documents} documents in ${((performance.now() - started) / 1000).toFixed(1)} s into ${stateDir}.`,
  );
  console.log(`The org under test: ${site}/org/${store.slug} (${store.memberIds.length} members).`);
  if (store.adminLogin) {
    console.log(`Sign in as its admin: ${store.adminLogin.email} / ${store.adminLogin.password}`);
    console.log(`Directory: ${site}/org/${store.slug}/members`);
  }
  console.log(`Or sign up in the app and open ${site}/join/${store.inviteToken} to join it as a member.`);
  process.exit(0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
