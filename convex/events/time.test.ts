// Wall-clock input in the event's timezone → UTC, across DST changes and half-hour offsets.
import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, snapshotRows } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { localToUtc, toLocalInput } from "./validation";

const utc = (iso: string) => Date.parse(iso);

describe("localToUtc", () => {
  test.each([
    // America/New_York, spring forward on 2026-03-08 at 02:00 EST → 03:00 EDT.
    ["2026-03-08T01:30", "America/New_York", "2026-03-08T06:30:00Z"], // EST, -5
    ["2026-03-08T03:30", "America/New_York", "2026-03-08T07:30:00Z"], // EDT, -4
    // Europe/London, fall back on 2026-10-25 at 02:00 BST → 01:00 GMT.
    ["2026-10-25T00:30", "Europe/London", "2026-10-24T23:30:00Z"], // BST, +1
    ["2026-10-25T01:30", "Europe/London", "2026-10-25T00:30:00Z"], // ambiguous: first occurrence (BST)
    ["2026-10-25T02:30", "Europe/London", "2026-10-25T02:30:00Z"], // GMT, +0
    // America/New_York fall back on 2026-11-01: 01:30 occurs twice → the first (EDT).
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00Z"],
    // Half-hour offsets.
    ["2026-06-01T10:00", "Asia/Kolkata", "2026-06-01T04:30:00Z"], // +05:30, no DST
    ["2026-01-15T19:00", "Australia/Adelaide", "2026-01-15T08:30:00Z"], // ACDT +10:30
    ["2026-07-15T19:00", "Australia/Adelaide", "2026-07-15T09:30:00Z"], // ACST +09:30
    // Adelaide falls back on 2026-04-05 at 03:00 ACDT → 02:00 ACST: 02:30 is ambiguous.
    ["2026-04-05T02:30", "Australia/Adelaide", "2026-04-04T16:00:00Z"], // first occurrence (+10:30)
    ["2026-04-05T03:30", "Australia/Adelaide", "2026-04-04T18:00:00Z"], // ACST +09:30
    ["2026-06-01T12:00", "UTC", "2026-06-01T12:00:00Z"],
  ])("%s in %s → %s", (local, zone, expected) => {
    expect(localToUtc("startLocal", local, zone)).toBe(utc(expected));
    // Round trip back to the same wall-clock string.
    expect(toLocalInput(utc(expected), zone)).toBe(local);
  });

  test.each([
    ["2026-03-08T02:30", "America/New_York"], // skipped: clocks jump 02:00 → 03:00
    ["2026-03-08T02:00", "America/New_York"],
    ["2026-03-29T01:30", "Europe/London"], // skipped: 01:00 → 02:00
    ["2026-10-04T02:15", "Australia/Adelaide"], // skipped: 02:00 → 03:00
  ])("nonexistent local time %s in %s is rejected, not normalized", (local, zone) => {
    expect(() => localToUtc("startLocal", local, zone)).toThrow(/does not exist/);
  });
});

describe("events across a DST change", () => {
  test("a New York event spanning the spring-forward night lasts 1 hour of real time", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    const eventId = await createEventAs(admin.as, orgId, {
      timezone: "America/New_York",
      startLocal: "2026-03-08T01:30",
      endLocal: "2026-03-08T03:30",
    });
    const event = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect(event.startTime).toBe(utc("2026-03-08T06:30:00Z"));
    expect(event.endTime).toBe(utc("2026-03-08T07:30:00Z"));
    expect(event.endTime - event.startTime).toBe(60 * 60 * 1000);
    expect([event.startLocal, event.endLocal]).toEqual(["2026-03-08T01:30", "2026-03-08T03:30"]);
  });

  test("a London event over the October change lasts 3 hours of real time for 2 on the clock", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    const eventId = await createEventAs(admin.as, orgId, {
      timezone: "Europe/London",
      startLocal: "2026-10-25T00:30",
      endLocal: "2026-10-25T02:30",
    });
    const event = await admin.as.query(api.events.queries.getEvent, { eventId });
    expect(event.endTime - event.startTime).toBe(3 * 60 * 60 * 1000);
  });

  test("a nonexistent start is an INVALID_ARGUMENT on startLocal; nothing written", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    const before = await snapshotRows(t);
    const error = await expectConvexError(
      admin.as.mutation(api.events.mutations.createEvent, {
        orgId,
        title: "Night owls",
        eventType: "social",
        timezone: "America/New_York",
        startLocal: "2026-03-08T02:30",
        endLocal: "2026-03-08T04:00",
      }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "startLocal" });
    expect(await snapshotRows(t)).toEqual(before);
  });

  test("Kolkata (+05:30) and Adelaide (+10:30) events store the right UTC instants", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    const kolkata = await createEventAs(admin.as, orgId, {
      timezone: "Asia/Kolkata",
      startLocal: "2026-06-01T18:00",
      endLocal: "2026-06-01T19:30",
    });
    const adelaide = await createEventAs(admin.as, orgId, {
      timezone: "Australia/Adelaide",
      startLocal: "2026-01-15T19:00",
      endLocal: "2026-01-15T21:00",
    });
    const k = await admin.as.query(api.events.queries.getEvent, { eventId: kolkata });
    const a = await admin.as.query(api.events.queries.getEvent, { eventId: adelaide });
    expect(k.startTime).toBe(utc("2026-06-01T12:30:00Z"));
    expect(a.startTime).toBe(utc("2026-01-15T08:30:00Z"));
  });
});
