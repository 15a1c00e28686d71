import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { buildIcs } from "./calendar";
import { googleCalendarUrl, toCompactUtc } from "./calendarLinks";

type VEvent = Record<string, string>;

/** A small RFC 5545 reader for assertions: unfolds lines, returns the calendar and its VEVENTs. */
function parseIcs(text: string) {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l !== "");
  const calendar: Record<string, string> = {};
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  let depth = 0;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const [nameWithParams, value] = [line.slice(0, colon), line.slice(colon + 1)];
    const name = nameWithParams.split(";")[0]!;
    if (name === "BEGIN") {
      depth += 1;
      if (value === "VEVENT") current = {};
      continue;
    }
    if (name === "END") {
      depth -= 1;
      if (value === "VEVENT" && current) {
        events.push(current);
        current = null;
      }
      continue;
    }
    if (current) current[name] = value.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");
    else if (depth === 1) calendar[name] = value;
  }
  expect(depth).toBe(0);
  return { calendar, events };
}

async function world(visibility: "public" | "private" = "public") {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Ada" });
  const member = await signedInUser(t, { name: "Max" });
  const outsider = await signedInUser(t);
  const { orgId, slug } = await createOrgAs(admin.as, { visibility, name: "Berlin AIS", slug: "berlin-ais" });
  await joinOrg(admin.as, member.as, orgId);
  return { t, admin, member, outsider, orgId, slug };
}

const year = new Date().getUTCFullYear() + 1;

describe("GET /events/<id>.ics", () => {
  test("a public org's event: a calendar with the UTC start, title, place and a stable UID", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId, {
      title: "Talk: Interpretability, today",
      timezone: "America/New_York",
      startLocal: `${year}-03-20T18:30`,
      endLocal: `${year}-03-20T20:00`,
      venue: "Room 1; Main St",
    });
    const response = await t.fetch(`/events/${eventId}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    const { calendar, events } = parseIcs(await response.text());
    expect(calendar.VERSION).toBe("2.0");
    expect(calendar.METHOD).toBe("PUBLISH");
    expect(events).toHaveLength(1);
    const [ev] = events as [VEvent];
    const start = Date.UTC(year, 2, 20, 22, 30); // 18:30 EDT = 22:30 UTC
    expect(ev.DTSTART).toBe(toCompactUtc(start));
    expect(ev.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ev.DTEND).toBe(toCompactUtc(start + 90 * 60_000));
    expect(ev.SUMMARY).toBe("Talk: Interpretability, today");
    expect(ev.LOCATION).toBe("Room 1; Main St");
    expect(ev.UID).toBe(`${eventId}@astn-orgs`);
    expect(ev.STATUS).toBe("CONFIRMED");
    // No online link without a token of someone going.
    expect(ev.DESCRIPTION).not.toContain("meet.example.org");
    // The UID is stable across downloads and edits.
    const again = parseIcs(await (await t.fetch(`/events/${eventId}.ics`)).text());
    expect(again.events[0]!.UID).toBe(ev.UID);
  });

  test("a cancelled event has STATUS:CANCELLED and the reason; drafts and unknown ids are 404", async () => {
    const { t, admin, orgId } = await world();
    const eventId = await createEventAs(admin.as, orgId);
    await admin.as.mutation(api.events.mutations.cancelEvent, { eventId, reason: "Venue flooded" });
    const { events } = parseIcs(await (await t.fetch(`/events/${eventId}.ics`)).text());
    expect(events[0]).toMatchObject({ STATUS: "CANCELLED", SEQUENCE: "1" });
    expect(events[0]!.DESCRIPTION).toContain("Cancelled: Venue flooded");
    const draft = await createEventAs(admin.as, orgId, {}, { publish: false });
    expect((await t.fetch(`/events/${draft}.ics`)).status).toBe(404);
    expect((await t.fetch(`/events/not-an-id.ics`)).status).toBe(404);
  });

  test("private org: 404 without a member's token; with it, the online link for someone going", async () => {
    const { t, admin, member, outsider, orgId } = await world("private");
    const eventId = await createEventAs(admin.as, orgId);
    expect((await t.fetch(`/events/${eventId}.ics`)).status).toBe(404);
    const { token } = await member.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, { orgId });
    const first = parseIcs(await (await t.fetch(`/events/${eventId}.ics?token=${token}`)).text());
    expect(first.events[0]!.DESCRIPTION ?? "").not.toContain("https://meet.example.org/abc");
    await member.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const response = await t.fetch(`/events/${eventId}.ics?token=${token}`);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(parseIcs(await response.text()).events[0]!.DESCRIPTION).toContain(
      "Join online: https://meet.example.org/abc",
    );
    // Outsiders cannot get a token for the org (to them, a private org does not exist).
    expect(
      (await expectConvexError(outsider.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, { orgId })))
        .code,
    ).toBe("NOT_FOUND");
  });
});

describe("GET /orgs/<slug>/calendar.ics", () => {
  test("public feed: upcoming and recent published/cancelled events, no drafts, no old ones", async () => {
    const { t, admin, orgId, slug } = await world();
    await createEventAs(admin.as, orgId, {
      title: "Upcoming",
      startLocal: `${year}-05-01T10:00`,
      endLocal: `${year}-05-01T11:00`,
    });
    const cancelled = await createEventAs(admin.as, orgId, { title: "Called off" });
    await admin.as.mutation(api.events.mutations.cancelEvent, { eventId: cancelled });
    await createEventAs(admin.as, orgId, { title: "Draft" }, { publish: false });
    await createEventAs(admin.as, orgId, {
      title: "Long ago",
      timezone: "UTC",
      startLocal: "2021-01-01T10:00",
      endLocal: "2021-01-01T11:00",
    });
    const response = await t.fetch(`/orgs/${slug}/calendar.ics`);
    expect(response.status).toBe(200);
    const { calendar, events } = parseIcs(await response.text());
    expect(calendar["X-WR-CALNAME"]).toBe("Berlin AIS");
    expect(calendar.METHOD).toBeUndefined();
    expect(events.map((e) => [e.SUMMARY, e.STATUS]).sort()).toEqual([
      ["Called off", "CANCELLED"],
      ["Upcoming", "CONFIRMED"],
    ]);
    for (const e of events) expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
    expect((await t.fetch(`/orgs/no-such-org/calendar.ics`)).status).toBe(404);
  });

  test("private feed needs a valid member token; rotating or leaving revokes it", async () => {
    const { t, admin, member, orgId, slug } = await world("private");
    await createEventAs(admin.as, orgId, { title: "Members only" });
    expect((await t.fetch(`/orgs/${slug}/calendar.ics`)).status).toBe(404);
    const first = await member.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, { orgId });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.feedUrl).toContain(`/orgs/${slug}/calendar.ics?token=${first.token}`);
    // Idempotent until rotated.
    expect((await member.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, { orgId })).token).toBe(
      first.token,
    );
    const ok = await t.fetch(`/orgs/${slug}/calendar.ics?token=${first.token}`);
    expect(parseIcs(await ok.text()).events.map((e) => e.SUMMARY)).toEqual(["Members only"]);

    const rotated = await member.as.mutation(api.events.calendarTokens.rotateMyCalendarToken, { orgId });
    expect(rotated.token).not.toBe(first.token);
    expect((await t.fetch(`/orgs/${slug}/calendar.ics?token=${first.token}`)).status).toBe(404);
    expect((await t.fetch(`/orgs/${slug}/calendar.ics?token=${rotated.token}`)).status).toBe(200);

    await member.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect((await t.fetch(`/orgs/${slug}/calendar.ics?token=${rotated.token}`)).status).toBe(404);
  });

  test("a token for another org does not open this one", async () => {
    const { t, admin, orgId, slug } = await world("private");
    await createEventAs(admin.as, orgId);
    const other = await createOrgAs(admin.as, { visibility: "private" });
    const { token } = await admin.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, {
      orgId: other.orgId,
    });
    expect((await t.fetch(`/orgs/${slug}/calendar.ics?token=${token}`)).status).toBe(404);
  });
});

describe("calendar helpers", () => {
  test("buildIcs escapes text and writes UTC times", () => {
    const text = buildIcs({
      name: "Test",
      events: [
        {
          id: "abc",
          title: "Commas, semicolons; and\nnewlines",
          startTime: Date.UTC(2026, 9, 25, 0, 30),
          endTime: Date.UTC(2026, 9, 25, 3, 30),
          status: "published",
          sequence: 0,
          updatedAt: 0,
          createdAt: 0,
          orgName: "Org",
        },
      ],
    });
    const { events } = parseIcs(text);
    expect(events[0]).toMatchObject({
      SUMMARY: "Commas, semicolons; and\nnewlines",
      DTSTART: "20261025T003000Z",
      DTEND: "20261025T033000Z",
      UID: "abc@astn-orgs",
    });
  });

  test("Google Calendar link: UTC dates, timezone, details and location", () => {
    const url = new URL(
      googleCalendarUrl({
        title: "Reading group",
        startTime: Date.UTC(2026, 5, 1, 12, 30),
        endTime: Date.UTC(2026, 5, 1, 14, 0),
        timezone: "Asia/Kolkata",
        description: "Bring the book & notes",
        venue: "Cafe",
        pageUrl: "https://orgs.example.org/events/1",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: "TEMPLATE",
      text: "Reading group",
      dates: "20260601T123000Z/20260601T140000Z",
      ctz: "Asia/Kolkata",
      details: "Bring the book & notes\n\nhttps://orgs.example.org/events/1",
      location: "Cafe",
    });
  });
});

describe("calendar injection", () => {
  const injected = "Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:victim@astn-orgs\r\nSUMMARY:Fake\r\nEND:VEVENT\r\nX";

  test("an org name or event title with line breaks writes no lines of its own", () => {
    const text = buildIcs({
      name: `${injected}: ${injected}`,
      events: [
        {
          id: "abc",
          title: injected,
          description: `Line one\r\nline two\u0000\u202E`,
          venue: injected,
          cancelReason: injected,
          startTime: Date.UTC(2026, 9, 25, 0, 30),
          endTime: Date.UTC(2026, 9, 25, 3, 30),
          status: "cancelled",
          sequence: 0,
          updatedAt: 0,
          createdAt: 0,
          orgName: injected,
        },
      ],
    });
    expect(text.includes("\u0000") || text.includes("\u202E")).toBe(false);
    const lines = text.split("\r\n");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("UID:"))).toEqual(["UID:abc@astn-orgs"]);
    expect(lines.filter((l) => l === "END:VCALENDAR")).toHaveLength(1);
    expect(text.split(/\r\n|\n|\r/).filter((l) => /^(UID|BEGIN|END):/.test(l))).toHaveLength(5);
    const { calendar, events } = parseIcs(text);
    expect(calendar["X-WR-CALNAME"]).toBe(calendar.NAME);
    expect(calendar.NAME).toMatch(/^Evil END:VCALENDAR BEGIN:VEVENT UID:victim@astn-orgs/);
    expect(events).toHaveLength(1);
    expect(events[0]!.DESCRIPTION).toContain("Line one\nline two");
  });

  test("a stored org name with CR/LF (written before input was checked) is harmless in the feed", async () => {
    const { t, admin, orgId, slug } = await world();
    await createEventAs(admin.as, orgId, {
      title: "Real talk",
      startLocal: `${year}-05-14T18:30`,
      endLocal: `${year}-05-14T20:00`,
    });
    await t.run(async (ctx) => ctx.db.patch("organizations", orgId, { name: injected }));
    const response = await t.fetch(`/orgs/${slug}/calendar.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split(/\r\n|\n|\r/).filter((l) => l.startsWith("UID:"))).toHaveLength(1);
    expect(parseIcs(text).events.map((e) => e.SUMMARY)).toEqual(["Real talk"]);
  });

  test("names and titles with line breaks are refused at the door", async () => {
    const { admin, orgId } = await world();
    expect(await expectConvexError(createOrgAs(admin.as, { name: "Evil\r\nBEGIN:VEVENT" }))).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "name",
    });
    expect(await expectConvexError(createEventAs(admin.as, orgId, { title: "Talk\nUID:x" }))).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "title",
    });
  });
});

describe("malformed paths", () => {
  test("malformed percent-encoding answers 400, not 500", async () => {
    const t = newTest();
    for (const path of ["/events/%E0%A4%A.ics", "/orgs/%E0%A4%A/calendar.ics", "/events/%.ics"]) {
      const response = await t.fetch(path);
      expect(response.status, path).toBe(400);
    }
  });
});
