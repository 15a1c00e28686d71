// Shared fixtures for convex-test tests. No Convex functions here, and only type imports from
// test.setup, so the file is harmless wherever convex/ is loaded as modules.
import { api } from "./_generated/api";
import type { Id, TableNames } from "./_generated/dataModel";
import type { TestBackend } from "./test.setup";
import type { EventFieldsInput } from "./events/validation";

type Caller = Pick<TestBackend, "query" | "mutation">;

let orgCounter = 0;

/** Creates an org as `as` (who becomes its admin). Returns its id and slug. */
export async function createOrgAs(
  as: Caller,
  fields: Partial<{
    name: string;
    slug: string;
    visibility: "public" | "private";
    location: { city: string; country: string; lat?: number; lng?: number };
    description: string;
  }> = {},
) {
  orgCounter += 1;
  return await as.mutation(api.orgs.mutations.createOrg, {
    name: fields.name ?? `Org ${orgCounter}`,
    slug: fields.slug ?? `org-${orgCounter}`,
    visibility: fields.visibility ?? "public",
    location: fields.location,
    description: fields.description,
  });
}

/** `joiner` joins the org through a fresh invite created by `admin`. */
export async function joinOrg(admin: Caller, joiner: Caller, orgId: Id<"organizations">) {
  const { token } = await admin.mutation(api.orgs.invites.createInvite, { orgId });
  return await joiner.mutation(api.orgs.invites.joinByInvite, { token });
}

/** Rows in a table (tests are tiny, so a full read is fine here). */
export async function countRows(t: TestBackend, table: TableNames) {
  return await t.run(async (ctx) => (await ctx.db.query(table).collect()).length);
}

const APP_TABLES: TableNames[] = [
  "profiles",
  "organizations",
  "orgMemberships",
  "orgInvites",
  "joinRequests",
  "imageFiles",
  "events",
  "eventAttendance",
  "eventChanges",
  "calendarTokens",
];

/** Row counts of the app's tables, to assert that a refused call added or removed nothing. */
export async function snapshotCounts(t: TestBackend) {
  const counts: Record<string, number> = {};
  for (const table of APP_TABLES) counts[table] = await countRows(t, table);
  return counts;
}

/** Every row of the app's tables, to assert that a refused call changed nothing at all. */
export async function snapshotRows(t: TestBackend) {
  return await t.run(async (ctx) => {
    const rows: Record<string, unknown[]> = {};
    for (const table of APP_TABLES) rows[table] = await ctx.db.query(table).collect();
    return rows;
  });
}

export async function expectConvexError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { data?: { code?: string; field?: string } }).data ?? {};
  }
  throw new Error("expected the call to fail");
}

/** A valid event form (times in Europe/London, a year ahead of the test clock). */
type EventForm = EventFieldsInput;

export function eventForm(overrides: Partial<EventForm> = {}): EventForm {
  const year = new Date().getUTCFullYear() + 1;
  return {
    title: "Reading group: AI Control",
    description: "We discuss **chapter 3**.",
    eventType: "reading_group",
    startLocal: `${year}-06-10T18:30`,
    endLocal: `${year}-06-10T20:30`,
    timezone: "Europe/London",
    venue: "The Library, Room 2",
    locationUrl: "https://maps.example.org/library",
    onlineUrl: "https://meet.example.org/abc",
    ...overrides,
  };
}

/** Creates (and by default publishes) an event in the org as its admin `as`. */
export async function createEventAs(
  as: Caller,
  orgId: Id<"organizations">,
  overrides: Partial<EventForm> = {},
  { publish = true }: { publish?: boolean } = {},
) {
  const { eventId } = await as.mutation(api.events.mutations.createEvent, {
    orgId,
    ...eventForm(overrides),
  });
  if (publish) await as.mutation(api.events.mutations.publishEvent, { eventId });
  return eventId;
}
