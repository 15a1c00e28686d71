// Membership ends access everywhere: senders re-check membership at send time, leaving or being
// removed releases the person's upcoming RSVPs, and admins can drop an RSVP.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { newTest, type TestBackend } from "../test.setup";
import { addEvent, addMember, addOrg, addPerson, allEmails, as, HOUR } from "./testing";

const NOW = Date.UTC(2026, 2, 2, 10, 0);

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "Date"],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

async function runScheduled(t: TestBackend) {
  await t.finishAllScheduledFunctions(vi.runAllTimers);
}

async function dropMembershipRow(t: TestBackend, orgId: Id<"organizations">, userId: Id<"users">) {
  await t.run(async (ctx) => {
    const m = await ctx.db
      .query("orgMemberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
      .unique();
    await ctx.db.delete("orgMemberships", m!._id);
  });
}

/** A private org, an admin, and an event with `capacity` seats starting in 2 h. */
async function world(capacity?: number) {
  const t = newTest();
  const adminId = await addPerson(t, { name: "Admin" });
  const orgId = await addOrg(t, adminId);
  await t.run(async (ctx) => ctx.db.patch("organizations", orgId, { visibility: "private" }));
  const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + 2 * HOUR, notifyBefore: [60], capacity });
  const admin = await as(t, adminId);
  return { t, adminId, orgId, eventId, admin };
}

/** A new member who RSVPs through the API (counters and waitlist kept by the app). */
async function member(t: TestBackend, orgId: Id<"organizations">, eventId: Id<"events">, name: string) {
  const userId = await addPerson(t, { name });
  await addMember(t, orgId, userId);
  await t.run(async (ctx) => ctx.db.patch("organizations", orgId, { memberCount: 2 }));
  const caller = await as(t, userId);
  await caller.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
  return { userId, caller };
}

async function rsvpOf(t: TestBackend, eventId: Id<"events">, userId: Id<"users">) {
  return await t.run(async (ctx) =>
    ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
      .unique(),
  );
}

async function counters(t: TestBackend, eventId: Id<"events">) {
  const e = await t.run(async (ctx) => ctx.db.get("events", eventId));
  return { going: e!.goingCount, waitlisted: e!.waitlistCount };
}

describe("senders re-check membership at send time", () => {
  test("a former member with an RSVP left behind gets no reminder", async () => {
    const { t, orgId, eventId } = await world();
    const ada = await member(t, orgId, eventId, "Ada");
    await dropMembershipRow(t, orgId, ada.userId);
    await t.mutation(internal.notifications.reminders.sendRemindersForEvent, { eventId, offsetMinutes: 60 });
    vi.setSystemTime(NOW + HOUR);
    await t.mutation(internal.notifications.reminders.sendRemindersForEvent, { eventId, offsetMinutes: 60 });
    await runScheduled(t);
    expect((await allEmails(t)).filter((e) => e.userId === ada.userId)).toEqual([]);
  });

  test("a former member gets no change notice, so no online link set after they left", async () => {
    const { t, orgId, eventId } = await world();
    const ada = await member(t, orgId, eventId, "Ada");
    await dropMembershipRow(t, orgId, ada.userId);
    await t.run(async (ctx) => ctx.db.patch("events", eventId, { onlineUrl: "https://meet.example.org/secret" }));
    await t.mutation(internal.notifications.fanout.notifyAttendeesPage, {
      eventId,
      kind: "event_changed",
      stamp: 1,
      changes: [{ field: "onlineUrl", old: null, new: "https://meet.example.org/secret" }],
    });
    await runScheduled(t);
    expect((await allEmails(t)).filter((e) => e.userId === ada.userId)).toEqual([]);
    const inbox = await t.run(async (ctx) =>
      (await ctx.db.query("notifications").collect()).filter((n) => n.userId === ada.userId),
    );
    expect(inbox).toEqual([]);
  });

  test("a former member gets no waitlist promotion notice", async () => {
    const { t, orgId, eventId } = await world();
    const ada = await member(t, orgId, eventId, "Ada");
    await dropMembershipRow(t, orgId, ada.userId);
    await t.mutation(internal.notifications.fanout.notifyWaitlistPromoted, { eventId, userId: ada.userId, stamp: 1 });
    expect((await allEmails(t)).filter((e) => e.userId === ada.userId)).toEqual([]);
  });
});

describe("the event page after membership ends", () => {
  test("getEvent on a public org does not show onlineUrl to a non-member whose RSVP remains", async () => {
    const { t, orgId, eventId } = await world();
    await t.run(async (ctx) => ctx.db.patch("organizations", orgId, { visibility: "public" }));
    const ada = await member(t, orgId, eventId, "Ada");
    expect((await ada.caller.query(api.events.queries.getEvent, { eventId })).onlineUrl).toBeDefined();
    await dropMembershipRow(t, orgId, ada.userId);
    const page = await ada.caller.query(api.events.queries.getEvent, { eventId });
    expect(page.onlineUrl).toBeUndefined();
    expect(page.hasOnlineUrl).toBe(true);
  });
});

describe("leaving or being removed releases upcoming RSVPs", () => {
  test("removeMember frees the seat and promotes the next waitlisted person", async () => {
    const { t, orgId, eventId, admin } = await world(1);
    const ada = await member(t, orgId, eventId, "Ada");
    const bob = await member(t, orgId, eventId, "Bob");
    expect((await rsvpOf(t, eventId, bob.userId))!.rsvpStatus).toBe("waitlisted");
    await admin.mutation(api.orgs.mutations.removeMember, { orgId, userId: ada.userId });
    expect(await rsvpOf(t, eventId, ada.userId)).toBeNull();
    expect((await rsvpOf(t, eventId, bob.userId))!.rsvpStatus).toBe("going");
    expect(await counters(t, eventId)).toEqual({ going: 1, waitlisted: 0 });
    await runScheduled(t);
    expect((await allEmails(t)).filter((e) => e.userId === ada.userId)).toEqual([]);
  });

  test("leaveOrg releases the caller's RSVPs (waitlisted ones too) and keeps past ones", async () => {
    const { t, orgId, eventId, adminId } = await world(1);
    const past = await addEvent(t, orgId, adminId, { startTime: NOW - 3 * HOUR });
    const ada = await member(t, orgId, eventId, "Ada");
    const bob = await member(t, orgId, eventId, "Bob");
    await t.run(async (ctx) =>
      ctx.db.insert("eventAttendance", {
        eventId: past,
        userId: bob.userId,
        rsvpStatus: "going",
        rsvpAt: NOW - DAY_MS,
      }),
    );
    await bob.caller.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect(await rsvpOf(t, eventId, bob.userId)).toBeNull();
    expect(await rsvpOf(t, past, bob.userId)).not.toBeNull();
    expect(await counters(t, eventId)).toEqual({ going: 1, waitlisted: 0 });
    await ada.caller.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect(await counters(t, eventId)).toEqual({ going: 0, waitlisted: 0 });
  });
});

const DAY_MS = 24 * HOUR;

describe("admins can drop an RSVP", () => {
  test("removeRsvp frees the seat and promotes the waitlist", async () => {
    const { t, orgId, eventId, admin } = await world(1);
    const ada = await member(t, orgId, eventId, "Ada");
    const bob = await member(t, orgId, eventId, "Bob");
    await admin.mutation(api.events.mutations.removeRsvp, { eventId, userId: ada.userId });
    expect(await rsvpOf(t, eventId, ada.userId)).toBeNull();
    expect((await rsvpOf(t, eventId, bob.userId))!.rsvpStatus).toBe("going");
    expect(await counters(t, eventId)).toEqual({ going: 1, waitlisted: 0 });
  });

  test("removeRsvp of someone without an RSVP is NOT_FOUND; members may not call it", async () => {
    const { t, orgId, eventId, admin, adminId } = await world(1);
    const ada = await member(t, orgId, eventId, "Ada");
    await expect(admin.mutation(api.events.mutations.removeRsvp, { eventId, userId: adminId })).rejects.toThrow(/RSVP/);
    await expect(
      ada.caller.mutation(api.events.mutations.removeRsvp, { eventId, userId: ada.userId }),
    ).rejects.toThrow();
    expect(await counters(t, eventId)).toEqual({ going: 1, waitlisted: 0 });
  });
});
