import { Resend } from "@convex-dev/resend";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, components, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { expectConvexError } from "../test.fixtures";
import { newTest, type TestBackend } from "../test.setup";
import { onEventPublished } from "../notifications/hooks";
import { addEvent, addMember, addOrg, addPerson, allEmails, as, HOUR, runScheduled } from "../notifications/testing";
import { cancellationEmail, escapeHtml, formatEventTime, reminderEmail } from "./templates";
import { createUnsubscribeToken, signToken, verifyToken } from "./tokens";

const NOW = Date.UTC(2026, 5, 1, 9, 0); // Monday 1 June 2026, 09:00 UTC

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("escaping", () => {
  test("escapeHtml neutralizes tags and both quote kinds", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`it's "quoted" & <b>bold</b>`)).toBe("it&#39;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(escapeHtml(`" onmouseover="alert(1)`)).not.toContain('"');
  });

  test("templates escape every user-supplied value in HTML and keep it readable in text", () => {
    const evil = `<script>alert('x')</script>"><img src=x onerror=alert(1)>`;
    const email = reminderEmail({
      memberName: evil,
      memberTimezone: "UTC",
      event: {
        title: evil,
        orgName: evil,
        startTime: NOW + HOUR,
        endTime: NOW + 2 * HOUR,
        timezone: "UTC",
        venue: evil,
        onlineUrl: `javascript:alert(1)`,
      },
      now: NOW,
      links: { settingsUrl: "https://app.example.org/settings", eventUrl: "javascript:alert(1)" },
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain(`href="javascript:`);
    expect(email.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(email.text).toContain(evil);
    expect(email.subject).not.toMatch(/[\r\n]/);
    const cancelled = cancellationEmail({
      memberName: "A",
      memberTimezone: "UTC",
      event: { title: "T", orgName: "O", startTime: NOW, endTime: NOW, timezone: "UTC" },
      reason: `</p><script>x</script>`,
      links: { settingsUrl: "https://app.example.org/settings" },
    });
    expect(cancelled.html).toContain("&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;");
  });

  test("times are in the member's zone, by its name at that instant, with the event's beside it", () => {
    const start = Date.UTC(2026, 5, 10, 17, 30); // 18:30 in London (BST)
    expect(formatEventTime(start, "Europe/London", "America/New_York")).toBe(
      "Wednesday 10 June 2026, 13:30 Eastern Daylight Time (18:30 British Summer Time, event time)",
    );
    expect(formatEventTime(start, "Europe/London", "Europe/London")).toBe(
      "Wednesday 10 June 2026, 18:30 British Summer Time",
    );
    // A different calendar day shows the event's date too.
    expect(formatEventTime(start, "Europe/London", "Pacific/Auckland")).toBe(
      "Thursday 11 June 2026, 05:30 New Zealand Standard Time (Wed 10 Jun, 18:30 British Summer Time, event time)",
    );
    // Legacy zone names are shown by their current name; an unknown zone reads as UTC.
    expect(formatEventTime(start, "Asia/Calcutta", "Asia/Calcutta")).toBe(
      "Wednesday 10 June 2026, 23:00 India Standard Time",
    );
    expect(formatEventTime(start, "Europe/London", "Mars/Olympus")).toBe(
      "Wednesday 10 June 2026, 17:30 Coordinated Universal Time (18:30 British Summer Time, event time)",
    );
  });

  test("reminders carry the org, start and end in the member's zone, both actions and a clickable online link, in both parts", () => {
    const start = Date.UTC(2026, 5, 10, 17, 30);
    const links = {
      eventUrl: "https://app.example.org/events/e1",
      rsvpUrl: "https://app.example.org/events/e1#rsvp",
      icsUrl: "https://site.example.org/events/e1.ics",
      settingsUrl: "https://app.example.org/settings",
    };
    const email = reminderEmail({
      memberName: "Ada",
      memberTimezone: "Europe/Berlin",
      now: start - HOUR,
      event: {
        title: "Reading group",
        orgName: "Oxford <Alignment>",
        orgLogoUrl: "https://cdn.example.org/logo.png",
        startTime: start,
        endTime: start + 2 * HOUR,
        timezone: "Europe/London",
        venue: "The Library",
        onlineUrl: "https://meet.example.org/abc?x=1&y=2",
      },
      links,
    });
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Wednesday 10 June 2026, 19:30 – 21:30 Central European Summer Time");
      expect(part).toContain("18:30 – 20:30 British Summer Time");
      expect(part).not.toContain("Europe/Berlin");
      expect(part).toContain("View event");
      expect(part).toContain("Change RSVP");
    }
    expect(email.text).toContain("Oxford <Alignment>");
    expect(email.html).toContain("Oxford &lt;Alignment&gt;");
    expect(email.html).toContain('<img src="https://cdn.example.org/logo.png"');
    expect(email.html).toContain('href="https://meet.example.org/abc?x=1&amp;y=2"');
    expect(email.text).toContain("Online: https://meet.example.org/abc?x=1&y=2");
    expect(email.html).toContain(`href="${links.eventUrl}"`);
    expect(email.html).toContain(`href="${links.rsvpUrl}"`);
    expect(email.text).toContain(`View event: ${links.eventUrl}`);
    expect(email.text).toContain(`Change RSVP: ${links.rsvpUrl}`);
    // A cancelled event has nothing to answer: no "Change RSVP".
    const cancelled = cancellationEmail({
      memberName: "Ada",
      memberTimezone: "UTC",
      event: { title: "T", orgName: "O", startTime: start, endTime: start + HOUR, timezone: "UTC" },
      links,
    });
    expect(cancelled.text).not.toContain("Change RSVP");
    expect(cancelled.html).not.toContain("Change RSVP");
  });
});

describe("unsubscribe tokens", () => {
  test("a token verifies for its user and single purpose; tampering, other secrets and expiry fail", async () => {
    const userId = "k57a0000000000000000000000000000" as Id<"users">;
    const token = await signToken("s3cret", userId, "reminders-off", NOW + HOUR);
    expect(await verifyToken("s3cret", token, NOW)).toEqual({
      ok: true,
      userId,
      purpose: "reminders-off",
      expiresAt: NOW + HOUR,
    });
    const [body, mac] = token.split(".") as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    expect(await verifyToken("s3cret", `${flip(body, 5)}.${mac}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyToken("s3cret", `${body}.${flip(mac, 3)}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    // A payload re-encoded with another purpose keeps the old MAC: refused.
    const forged = btoa(JSON.stringify({ u: userId, p: "announcements-off", e: NOW + HOUR }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect(await verifyToken("s3cret", `${forged}.${mac}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyToken("other", token, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyToken("s3cret", token, NOW + HOUR)).toEqual({ ok: false, reason: "expired" });
    for (const junk of ["", ".", "a.b.c", "%%%.%%%", token + "x", "x".repeat(5000)]) {
      expect((await verifyToken("s3cret", junk, NOW)).ok).toBe(false);
    }
    expect(await verifyToken(null, token, NOW)).toEqual({ ok: false, reason: "invalid" });
  });
});

/** A member RSVP'd going to an event one hour out, and the reminder email they got. */
async function reminderWorld(t: TestBackend) {
  const adminId = await addPerson(t, { name: "Admin" });
  const orgId = await addOrg(t, adminId);
  const memberId = await addPerson(t, {
    name: "Ada",
    prefs: { eventReminders: { enabled: true, reminderTimes: [60, 1440] } },
  });
  await addMember(t, orgId, memberId);
  const eventId = await addEvent(t, orgId, adminId, { startTime: NOW + HOUR + 30_000, notifyBefore: [60] });
  await t.run(async (ctx) => {
    await ctx.db.insert("eventAttendance", { eventId, userId: memberId, rsvpStatus: "going", rsvpAt: Date.now() });
  });
  await t.run(async (ctx) => onEventPublished(ctx, (await ctx.db.get("events", eventId))!));
  await runScheduled(t, { until: NOW + HOUR }); // the reminder, not the after-event prompt
  const email = (await allEmails(t)).find((e) => e.kind === "reminder")!;
  return { adminId, orgId, memberId, eventId, email };
}

async function reminderSettings(t: TestBackend, userId: Id<"users">) {
  return await t.run(async (ctx) => {
    const profile = await ctx.db
      .query("profiles")
      .withIndex("by_user", (q) => q.eq("userId", userId))
      .unique();
    return profile!.notificationPreferences.eventReminders;
  });
}

function tokenFrom(text: string): string {
  const match = /\/unsubscribe\?token=([^\s"&]+)/.exec(text);
  return decodeURIComponent(match![1]!);
}

describe("reminder email content", () => {
  test("links to the event, its .ics, settings and a one-click unsubscribe", async () => {
    vi.stubEnv("SITE_URL", "https://app.example.org");
    vi.stubEnv("CONVEX_SITE_URL", "https://fun-cat-123.convex.site");
    const t = newTest();
    const { eventId, email } = await reminderWorld(t);
    expect(email.status).toBe("recorded");
    expect(email.subject).toBe("Reminder: Reading group starts in 60 minutes");
    expect(email.text).toContain(`https://app.example.org/events/${eventId}`);
    expect(email.text).toContain(`https://fun-cat-123.convex.site/events/${eventId}.ics`);
    expect(email.text).toContain("https://app.example.org/settings");
    expect(email.text).toContain("https://app.example.org/unsubscribe?token=");
    // 10:00:30 UTC is 11:00 in London (BST); the member's zone is UTC.
    expect(email.text).toMatch(/When: Monday 1 June 2026, 10:00 – \d\d:\d\d Coordinated Universal Time/);
    expect(email.text).toMatch(/Event time: 11:00 – \d\d:\d\d British Summer Time/);
    expect(email.text).toContain(`Change RSVP: https://app.example.org/events/${eventId}#rsvp`);
    expect(email.html).toContain(`href="https://fun-cat-123.convex.site/events/${eventId}.ics"`);
  });
});

describe("one-click unsubscribe over HTTP", () => {
  test("GET (an older email's link) redirects to the app's page and changes nothing; POST turns reminders off", async () => {
    vi.stubEnv("SITE_URL", "https://app.example.org");
    const t = newTest();
    const { memberId, email } = await reminderWorld(t);
    const token = tokenFrom(email.text);
    const get = await t.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, { method: "GET" });
    expect(get.status).toBe(303);
    expect(get.headers.get("Location")).toBe(`https://app.example.org/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await reminderSettings(t, memberId)).toEqual({ enabled: true, reminderTimes: [60, 1440] });

    const post = await t.fetch("/unsubscribe", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain("You&#39;re unsubscribed");
    // Off, with the chosen times kept for when they turn reminders back on.
    expect(await reminderSettings(t, memberId)).toEqual({ enabled: false, reminderTimes: [60, 1440] });
  });

  test("the app's page: opening it reads only; confirming turns reminders off, signed out, once", async () => {
    const t = newTest();
    const { memberId, email } = await reminderWorld(t);
    const token = tokenFrom(email.text);
    expect(await t.query(api.emails.unsubscribePage.describe, { token })).toEqual({
      status: "ready",
      purpose: "reminders-off",
    });
    expect((await reminderSettings(t, memberId))!.enabled).toBe(true);
    const done = { status: "done", purpose: "reminders-off" };
    expect(await t.mutation(api.emails.unsubscribePage.confirm, { token })).toEqual(done);
    expect(await reminderSettings(t, memberId)).toEqual({ enabled: false, reminderTimes: [60, 1440] });
    // A second tap changes nothing and says the same.
    expect(await t.mutation(api.emails.unsubscribePage.confirm, { token })).toEqual(done);
  });

  test("RFC 8058 one-click: POST to the List-Unsubscribe URL with List-Unsubscribe=One-Click", async () => {
    const t = newTest();
    const { memberId, email } = await reminderWorld(t);
    const token = tokenFrom(email.text);
    const response = await t.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect((await reminderSettings(t, memberId))!.enabled).toBe(false);
  });

  test("tampered, expired or missing tokens: a clear error page and nothing changed", async () => {
    const t = newTest();
    const { memberId, email } = await reminderWorld(t);
    const token = tokenFrom(email.text);
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const expired = await t.run(async (ctx) => createUnsubscribeToken(ctx, memberId, "reminders-off", -1000));
    const before = await t.run(async (ctx) => ({
      profiles: await ctx.db.query("profiles").collect(),
      settings: await ctx.db.query("notificationSettings").collect(),
    }));
    for (const [bad, message] of [
      [tampered, "not valid"],
      [expired, "expired"],
      ["", "not valid"],
    ] as const) {
      expect(await t.query(api.emails.unsubscribePage.describe, { token: bad })).toEqual({
        status: message === "expired" ? "expired" : "invalid",
      });
      expect(await t.mutation(api.emails.unsubscribePage.confirm, { token: bad })).toEqual({
        status: message === "expired" ? "expired" : "invalid",
      });
      const post = await t.fetch("/unsubscribe", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: bad }).toString(),
      });
      expect(post.status).toBe(400);
      expect(await post.text()).toContain("Nothing was changed");
    }
    const noToken = await t.fetch("/unsubscribe", { method: "POST" });
    expect(noToken.status).toBe(400);
    const after = await t.run(async (ctx) => ({
      profiles: await ctx.db.query("profiles").collect(),
      settings: await ctx.db.query("notificationSettings").collect(),
    }));
    expect(after).toEqual(before);
  });

  test("an announcements token turns announcements (and the digest) off, not reminders", async () => {
    const t = newTest();
    const { memberId } = await reminderWorld(t);
    const token = await t.run(async (ctx) => createUnsubscribeToken(ctx, memberId, "announcements-off"));
    const post = await t.fetch(`/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" });
    expect(post.status).toBe(200);
    const settings = await (await signedIn(t, memberId)).query(api.notifications.queries.getMyNotificationSettings, {});
    expect(settings.announcements).toBe("none");
    expect((await reminderSettings(t, memberId))!.enabled).toBe(true);
  });

  test("UNSUBSCRIBE_SECRET, when set, is the key (stored secrets are not used)", async () => {
    vi.stubEnv("UNSUBSCRIBE_SECRET", "from-the-environment");
    const t = newTest();
    const { memberId, email } = await reminderWorld(t);
    const token = tokenFrom(email.text);
    expect((await verifyToken("from-the-environment", token, Date.now())).ok).toBe(true);
    expect(await t.run(async (ctx) => ctx.db.query("secrets").collect())).toEqual([]);
    expect(memberId).toBeDefined();
  });
});

async function signedIn(t: TestBackend, userId: Id<"users">) {
  const sessionId = await t.run(async (ctx) =>
    ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 86_400_000 }),
  );
  return t.withIdentity({ subject: `${userId}|${sessionId}` });
}

/**
 * The one email fake: Resend's HTTP API, at the network boundary (global fetch), so the real
 * component code runs end to end and nothing leaves the machine.
 */
function fakeResendApi() {
  const batches: { headers: Record<string, string>; emails: Record<string, unknown>[] }[] = [];
  let next = 0;
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url !== "https://api.resend.com/emails/batch") throw new Error(`unexpected network call: ${url}`);
    const emails = JSON.parse(String(init?.body)) as Record<string, unknown>[];
    batches.push({ headers: Object.fromEntries(new Headers(init?.headers).entries()), emails });
    return new Response(JSON.stringify({ data: emails.map(() => ({ id: `re_${++next}` })) }), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  });
  return batches;
}

describe("delivery through the Resend component", () => {
  test("with RESEND_API_KEY the email goes through the component (headers included) and its status follows the component's events", async () => {
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    const batches = fakeResendApi();
    const t = newTest();
    const { email } = await reminderWorld(t);
    expect(email.status).toBe("queued");
    expect(email.resendEmailId).toBeDefined();
    await runScheduled(t, { until: NOW + 2 * HOUR });
    // The component called Resend's batch API once, with our bodies and one-click headers.
    expect(batches.length).toBe(1);
    expect(batches[0]!.headers.authorization).toBe("Bearer re_test_key");
    const sent = batches[0]!.emails[0]!;
    expect(sent).toMatchObject({ to: [email.to], subject: email.subject, html: email.html, text: email.text });
    expect(sent.headers).toEqual({
      "List-Unsubscribe": expect.stringMatching(/^<http.*\/unsubscribe\?token=.+>$/) as string,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    const inComponent = await t.run(async (ctx) =>
      new Resend(components.resend, { testMode: false }).get(ctx, email.resendEmailId as never),
    );
    expect(inComponent!.status).toBe("sent");

    // Delivery events (from the webhook, through the component's onEmailEvent) update our row.
    const event = (type: string, extra: Record<string, unknown> = {}) => ({
      id: email.resendEmailId!,
      event: {
        type,
        created_at: new Date().toISOString(),
        data: {
          email_id: "re_1",
          created_at: new Date().toISOString(),
          from: "a@b.c",
          to: email.to,
          subject: email.subject,
          ...extra,
        },
      },
    });
    const status = async () => (await t.run(async (ctx) => ctx.db.get("emails", email._id)))!.status;
    await t.mutation(internal.emails.events.handleEmailEvent, event("email.sent") as never);
    expect(await status()).toBe("sent");
    await t.mutation(internal.emails.events.handleEmailEvent, event("email.delivered") as never);
    expect(await status()).toBe("delivered");
    await t.mutation(internal.emails.events.handleEmailEvent, event("email.sent") as never); // late, out of order
    expect(await status()).toBe("delivered");
    await t.mutation(
      internal.emails.events.handleEmailEvent,
      event("email.bounced", { bounce: { type: "hard", message: "No such user", subType: "x" } }) as never,
    );
    const bounced = (await t.run(async (ctx) => ctx.db.get("emails", email._id)))!;
    expect([bounced.status, bounced.error]).toEqual(["bounced", "No such user"]);
  });

  test("without RESEND_WEBHOOK_SECRET the webhook route refuses", async () => {
    const t = newTest();
    const response = await t.fetch("/resend-webhook", { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});

describe("dev mailbox", () => {
  async function mailboxWorld() {
    const t = newTest();
    const { adminId, memberId } = await reminderWorld(t);
    await t.run(async (ctx) => {
      for (const [userId, subject] of [
        [memberId, "Later"],
        [adminId, "For the admin"],
      ] as const) {
        await ctx.db.insert("emails", {
          to: `${subject}@example.com`,
          userId,
          kind: "digest",
          subject,
          html: "<p>x</p>",
          text: "x",
          dedupeKey: `k-${subject}`,
          status: "recorded",
          createdAt: Date.now(),
          updatedAt: Date.now(),
        });
      }
    });
    return { t, adminId, memberId };
  }
  const args = { paginationOpts: { numItems: 10, cursor: null } };

  test("FORBIDDEN off the local backend; on it, the signed-in caller's own emails, newest first", async () => {
    const { t, memberId } = await mailboxWorld();
    const member = await as(t, memberId);
    const error = await expectConvexError(member.query(api.emails.queries.devMailbox, args));
    expect(error.code).toBe("FORBIDDEN");
    vi.stubEnv("ASTN_LOCAL_BACKEND", "1");
    const page = await member.query(api.emails.queries.devMailbox, args);
    expect(page.page.map((e) => e.subject)).toEqual(["Later", "Reminder: Reading group starts in 60 minutes"]);
  });

  test("a signed-out caller (any web page in the developer's browser) reads nothing", async () => {
    const { t } = await mailboxWorld();
    vi.stubEnv("ASTN_LOCAL_BACKEND", "1");
    const error = await expectConvexError(t.query(api.emails.queries.devMailbox, args));
    expect(error.code).toBe("UNAUTHENTICATED");
  });

  test("another signed-in user sees only their own emails; the admin key reads them all", async () => {
    const { t, adminId } = await mailboxWorld();
    vi.stubEnv("ASTN_LOCAL_BACKEND", "1");
    const admin = await as(t, adminId);
    const page = await admin.query(api.emails.queries.devMailbox, args);
    expect(page.page.map((e) => e.subject)).toEqual(["For the admin"]);
    const all = await t.query(internal.emails.queries.allRecordedEmails, args);
    expect(all.page.map((e) => e.subject).sort()).toEqual([
      "For the admin",
      "Later",
      "Reminder: Reading group starts in 60 minutes",
    ]);
  });
});
