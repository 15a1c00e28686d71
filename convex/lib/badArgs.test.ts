// Arguments Convex would refuse with a plain error (wrong types, missing or extra fields, a
// negative page size, a bad page cursor) answer INVALID_ARGUMENT naming the field, and change
// nothing: the builders check the declared validators before anything else runs.
import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, snapshotRows } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { MAX_HTTP_BODY_BYTES } from "./vocabulary";

async function world() {
  const t = newTest();
  const ada = await signedInUser(t);
  const { orgId } = await createOrgAs(ada.as, { slug: "hub" });
  const eventId = await createEventAs(ada.as, orgId, {});
  return { t, as: ada.as, orgId, eventId };
}
type World = Awaited<ReturnType<typeof world>>;
type Case = { name: string; field: string; run: (w: World) => Promise<unknown> };

// Typed loosely on purpose: these are what a hand-written client could send.
/* eslint-disable @typescript-eslint/no-explicit-any */
const cases: Case[] = [
  {
    name: "a number where a string goes",
    field: "name",
    run: (w) => w.as.mutation(api.users.mutations.updateName, { name: 42 } as any),
  },
  {
    name: "a missing required field",
    field: "name",
    run: (w) => w.as.mutation(api.users.mutations.updateName, {} as any),
  },
  {
    name: "an extra field",
    field: "role",
    run: (w) => w.as.mutation(api.users.mutations.updateName, { name: "Ada", role: "admin" } as any),
  },
  {
    name: "a string where an id goes",
    field: "eventId",
    run: (w) => w.as.mutation(api.events.mutations.rsvp, { eventId: "nope", status: "going" } as any),
  },
  {
    name: "an id of another table",
    field: "eventId",
    run: (w) => w.as.mutation(api.events.mutations.rsvp, { eventId: w.orgId, status: "going" } as any),
  },
  {
    name: "a value outside a union",
    field: "status",
    run: (w) => w.as.mutation(api.events.mutations.rsvp, { eventId: w.eventId, status: "yes" } as any),
  },
  {
    name: "an extra nested field",
    field: "location.planet",
    run: (w) =>
      w.as.mutation(api.orgs.mutations.updateOrg, {
        orgId: w.orgId,
        name: "Hub",
        visibility: "public",
        location: { city: "X", country: "DE", planet: "Mars" },
      } as any),
  },
  {
    name: "a negative page size",
    field: "paginationOpts",
    run: (w) =>
      w.as.query(api.orgs.queries.listMembers, { orgId: w.orgId, paginationOpts: { numItems: -5, cursor: null } }),
  },
  {
    name: "a fractional page size",
    field: "paginationOpts",
    run: (w) =>
      w.as.query(api.orgs.queries.listMembers, { orgId: w.orgId, paginationOpts: { numItems: 1.5, cursor: null } }),
  },
  {
    name: "a made-up page cursor",
    field: "paginationOpts",
    run: (w) =>
      w.as.query(api.orgs.queries.listMembers, { orgId: w.orgId, paginationOpts: { numItems: 10, cursor: "garbage" } }),
  },
  {
    name: "a page cursor of type number",
    field: "paginationOpts.cursor",
    run: (w) =>
      w.as.query(api.notifications.queries.listMyNotifications, { paginationOpts: { numItems: 10, cursor: 7 } } as any),
  },
  {
    name: "a public query with a wrong type",
    field: "slug",
    run: (w) => w.as.query(api.orgs.queries.getOrgBySlug, { slug: ["hub"] } as any),
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("malformed arguments answer INVALID_ARGUMENT with the field", () => {
  test.each(cases)("$name → $field", async ({ field, run }) => {
    const w = await world();
    const before = await snapshotRows(w.t);
    const error = await expectConvexError(run(w));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field });
    expect(await snapshotRows(w.t)).toEqual(before);
  });

  test("valid arguments still work, signed out too", async () => {
    const w = await world();
    expect((await w.t.query(api.orgs.queries.getOrgBySlug, { slug: "hub" })).slug).toBe("hub");
    const page = await w.as.query(api.orgs.queries.listMembers, {
      orgId: w.orgId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(page.page).toHaveLength(1);
  });
});

describe("HTTP routes refuse a body over the limit with 413", () => {
  const big = "token=" + "x".repeat(MAX_HTTP_BODY_BYTES);
  test.each(["/unsubscribe", "/resend-webhook"])("POST %s", async (path) => {
    const t = newTest();
    const response = await t.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: big,
    });
    expect(response.status).toBe(413);
  });

  test("a body within the limit is read as before", async () => {
    const t = newTest();
    const response = await t.fetch("/unsubscribe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "token=nope",
    });
    expect(response.status).not.toBe(413);
    expect(await response.text()).toContain("</html>");
  });
});
