// Builds a local-backend store of a given size from the app's own tables: one org under test
// (its members, one upcoming event) plus other orgs with members and events filling the store
// up to the requested number of documents. Used by the local-backend benchmark and by
// `npm run store:build` (to try the app at size).
import { join } from "node:path";
import type { Value } from "convex/values";
import { startBackend } from "../../local-backend/backend.ts";
import { BENCH_PROFILE, identityOf } from "./identity.ts";
import { populateCrmOrg } from "./crm-world.ts";

const root = join(import.meta.dirname, "..", "..");
const BATCH = 2_000; // documents per transaction, under Convex's 16,000 writes
const FILLER_ORG_MEMBERS = 1_000;
const HOUR = 3_600_000;

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  get(table: string, id: string): Promise<Record<string, Value> | null>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
};

export type BuiltStore = {
  documents: number;
  orgId: string;
  slug: string;
  eventId: string;
  adminId: string;
  /** Members of the org under test, in order (the benchmark signs in as them). */
  memberIds: string[];
  inviteToken: string;
  /** The org under test's admin, who can sign in (when built with `adminLogin`). */
  adminLogin?: { email: string; password: string };
};

/** The password login of the org under test's admin (a local store only). */
export const STORE_ADMIN = { name: "Hub Admin", email: "admin@big-hub.example", password: "big-hub-password-1" };

/**
 * Fills an empty state directory: an org `slug` with `orgMembers` members (the first is its
 * admin) and about `documents` documents in all. Returns what the caller needs to sign in.
 */
export async function buildStore(
  stateDir: string,
  options: {
    documents: number;
    orgMembers: number;
    slug?: string;
    log?: (line: string) => void;
    /** CRM-shaped members (profiles, attendance, scores, tags, past events) and a password admin. */
    crm?: { events: number };
  },
): Promise<BuiltStore> {
  const slug = options.slug ?? "big-hub";
  const log = options.log ?? (() => {});
  const backend = await startBackend({ root, stateDir, port: 0, sitePort: 0, log: () => {} });
  try {
    if (!backend.isEmpty())
      throw new Error(`${stateDir} already holds data; start from an empty store (--reset, or npm run backend:reset).`);
    const engine = backend.engine();
    const system = <T>(handler: (db: Db) => Promise<T>) =>
      engine.runAsSystem(async (ctx) => await handler(ctx.db as Db));
    const issuer = backend.siteUrl;
    const count = () => Object.values(engine.snapshot().components).reduce((sum, c) => sum + c.documents.length, 0);
    let documents = count();

    const insertUsers = async (count: number, prefix: string, orgId: string | null) => {
      const ids: string[] = [];
      const perBatch = Math.floor(BATCH / 3);
      for (let start = 0; start < count; start += perBatch) {
        const size = Math.min(perBatch, count - start);
        ids.push(
          ...(await system(async (db) => {
            const created: string[] = [];
            for (let i = start; i < start + size; i++) {
              const name = `${prefix} Member ${i}`;
              const userId = await db.insert("users", { name, email: `${prefix.toLowerCase()}.${i}@example.org` });
              await db.insert("profiles", { userId, name, ...BENCH_PROFILE, updatedAt: Date.now() });
              if (orgId)
                await db.insert("orgMemberships", { orgId, userId, role: "member", joinedAt: Date.now() - i * 60_000 });
              created.push(userId);
            }
            return created;
          })),
        );
        documents += size * (orgId ? 3 : 2);
      }
      if (orgId) {
        await system(async (db) => {
          const org = (await db.get("organizations", orgId))!;
          await db.patch("organizations", orgId, { memberCount: (org.memberCount as number) + count });
        });
      }
      return ids;
    };
    /** An org created through the app by a new founder, who becomes its admin. */
    const createOrg = async (orgSlug: string, name: string) => {
      const [founderId] = await insertUsers(1, `${orgSlug} founder`, null);
      const location = { city: "Berlin", country: "DE" };
      const { orgId } = (await engine.run(
        "mutation",
        "orgs/mutations:createOrg",
        { slug: orgSlug, name, location, visibility: "public" },
        identityOf(founderId!, issuer),
      )) as { orgId: string };
      documents = count();
      return { orgId, founderId: founderId! };
    };
    /** The directory rows of members written straight into the store. */
    const backfillDirectory = async (orgId: string) => {
      let cursor: string | null = null;
      for (;;) {
        const page = (await engine.runInternal("crm/directoryBackfill:backfillOrg", {
          orgId,
          cursor,
          chain: false,
        })) as {
          done: boolean;
          cursor: string;
        };
        if (page.done) break;
        cursor = page.cursor;
      }
    };
    const insertEvent = (orgId: string, createdBy: string, startTime: number) =>
      system(async (db) => {
        documents += 1;
        return await db.insert("events", {
          orgId,
          title: `Reading group ${new Date(startTime).toISOString().slice(0, 10)}`,
          eventType: "meetup",
          startTime,
          endTime: startTime + 2 * HOUR,
          timezone: "Europe/Berlin",
          notifyBefore: [1440, 60],
          status: "published",
          publishedAt: Date.now(),
          goingCount: 0,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        });
      });

    let orgId: string;
    let adminId: string;
    let memberIds: string[];
    if (options.crm) {
      // A real login as the admin, and members with everything the CRM shows.
      adminId = (await engine.runInternal("seed/storeAdmin:createLogin", STORE_ADMIN)) as string;
      ({ orgId } = (await engine.run(
        "mutation",
        "orgs/mutations:createOrg",
        { slug, name: "Big Safety Hub", location: { city: "Berlin", country: "DE" }, visibility: "public" },
        identityOf(adminId, issuer),
      )) as { orgId: string });
      const world = await populateCrmOrg(engine, {
        orgId,
        adminId,
        count: options.orgMembers - 1,
        prefix: "Hub",
        events: options.crm.events,
        log,
      });
      memberIds = [adminId, ...world.memberIds];
      documents = count();
    } else {
      ({ orgId, founderId: adminId } = await createOrg(slug, "Big Safety Hub"));
      memberIds = [adminId, ...(await insertUsers(options.orgMembers - 1, "Hub", orgId))];
      await backfillDirectory(orgId);
    }
    // Far enough ahead that no reminder is due while the benchmark runs.
    const eventId = await insertEvent(orgId, adminId, Date.now() + 30 * 24 * HOUR);
    const { token: inviteToken } = (await engine.run(
      "mutation",
      "orgs/invites:createInvite",
      { orgId },
      identityOf(adminId, issuer),
    )) as { token: string };

    for (let n = 0; documents < options.documents; n++) {
      const filler = await createOrg(`hub-${n}`, `Safety Hub ${n}`);
      const members = Math.min(FILLER_ORG_MEMBERS, Math.max(1, Math.floor((options.documents - documents) / 3)));
      await insertUsers(members, `F${n}`, filler.orgId);
      await backfillDirectory(filler.orgId);
      for (let e = 0; e < 10 && documents < options.documents; e++)
        await insertEvent(filler.orgId, filler.founderId, Date.now() + (e - 5) * 7 * 24 * HOUR);
      log(`${documents} documents`);
    }
    documents = count();
    return {
      documents,
      orgId,
      slug,
      eventId,
      adminId,
      memberIds,
      inviteToken,
      ...(options.crm ? { adminLogin: { email: STORE_ADMIN.email, password: STORE_ADMIN.password } } : {}),
    };
  } finally {
    await backend.close();
  }
}
