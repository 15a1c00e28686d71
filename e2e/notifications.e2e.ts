import { formatInTimeZone } from "date-fns-tz";
import { formatEventWhen, formatMemberWhen } from "../convex/lib/timeFormat";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers } from "./backend";
import { launchBrowser, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in the member's own time zone (so the app and the emails agree on "local"). */
async function newPageIn(timezoneId: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ baseURL: inject("appUrl"), viewport, timezoneId });
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

const OFFSETS = ["1 week before", "1 day before", "3 hours before", "1 hour before"] as const;
const MEMBER_ZONE = "America/New_York";
const EVENT_ZONE = "Europe/London";

describe("notifications", () => {
  test("a member keeps only the 1-hour reminder, RSVPs to an event starting in ~61 minutes, gets the reminder once in the dev mailbox in their time, and its unsubscribe link turns reminders off", async () => {
    const adminAccount = await createAccount("Nora Organizer", uniqueEmail("nora"));
    const memberAccount = await createAccount("Remy Member", uniqueEmail("remy"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount], "E2E Notify");
    // The member lives in New York: their profile says so (emails use the profile's zone).
    await memberAccount.client.mutation(api.profiles.mutations.updateMyProfile, {
      name: memberAccount.name,
      skills: [],
      timezone: MEMBER_ZONE,
    });

    // Settings: an empty reminder list while reminders are on is refused by the offsets group.
    const member = await newPageIn(MEMBER_ZONE);
    const page = member.page;
    await signInToHome(page, memberAccount.email);
    await page.getByRole("link", { name: "Notifications, 0 unread" }).waitFor();
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Notification settings" });
    await screenshotOnFailure(page, "notifications-settings", async () => {
      await expect(form.getByRole("checkbox", { name: "Event reminders", exact: true }).isChecked()).resolves.toBe(
        true,
      );
      for (const label of OFFSETS) await form.getByRole("checkbox", { name: label, exact: true }).setChecked(false);
      await form.getByRole("button", { name: "Save notification settings" }).click();
      const offsets = form.getByRole("group", { name: "Remind me" });
      await offsets.getByRole("alert").getByText("Choose at least one reminder time, or turn reminders off.").waitFor();
      expect(await offsets.getAttribute("aria-invalid")).toBe("true");
      // Only "1 hour before", and the default weekly digest stays selected.
      await form.getByRole("checkbox", { name: "1 hour before", exact: true }).check();
      expect(await offsets.getByRole("alert").count()).toBe(0);
      expect(await form.getByRole("radio", { name: "Weekly digest" }).isChecked()).toBe(true);
      await form.getByRole("button", { name: "Save notification settings" }).click();
      await form.getByRole("status").getByText("Saved.").waitFor();
    });
    const saved = await memberAccount.client.query(api.profiles.queries.getMyProfile, {});
    expect(saved?.notificationPreferences.eventReminders).toEqual({ enabled: true, reminderTimes: [60] });
    expect(saved?.notificationPreferences.timezone).toBe(MEMBER_ZONE);

    // The admin publishes an event starting in about 61 minutes (whole minutes), reminders [60]:
    // the exact-time job fires at start − 60 min, 60–120 s from now.
    const start = Math.ceil((Date.now() + 61 * 60_000) / 60_000) * 60_000;
    const title = `Evals sprint ${Date.now().toString(36)}`;
    const { eventId } = await adminAccount.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title,
      eventType: "workshop",
      startLocal: formatInTimeZone(start, EVENT_ZONE, "yyyy-MM-dd'T'HH:mm"),
      endLocal: formatInTimeZone(start + 90 * 60_000, EVENT_ZONE, "yyyy-MM-dd'T'HH:mm"),
      timezone: EVENT_ZONE,
      venue: "Room 4",
      notifyBefore: [60],
    });
    await adminAccount.client.mutation(api.events.mutations.publishEvent, { eventId });

    // The member RSVPs "Going" on the event page.
    await page.goto(`/events/${eventId}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("button", { name: "Going", exact: true }).click();
    await page.getByTestId("rsvp-status").getByText("You're going").waitFor();

    // The admin watches the event's "Notifications sent" panel (live).
    const admin = await newPageIn(EVENT_ZONE);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/events/${eventId}`);
    const sent = admin.page.getByRole("region", { name: "Notifications sent" });
    await sent.getByText("Reminders go out 1 hour before the start").waitFor();

    // The dev mailbox (footer link: the app runs on the local backend) shows the reminder.
    await page.getByRole("contentinfo").getByRole("link", { name: "Dev mailbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Dev mailbox" }).waitFor();
    const reminderRows = page
      .getByRole("list", { name: "Emails" })
      .getByTestId("mailbox-row")
      .filter({ hasText: memberAccount.email })
      .filter({ hasText: `Reminder: ${title}` });
    await screenshotOnFailure(page, "notifications-mailbox", () => reminderRows.first().waitFor({ timeout: 150_000 }));
    // No second copy arrives (the job, its retries and the hourly sweep share one dedupe key).
    await page.waitForTimeout(5_000);
    expect(await reminderRows.count()).toBe(1);
    await reminderRows.first().getByRole("button").click();
    const email = page.getByRole("region", { name: `Reminder: ${title}` });
    await email.getByText("Reminder", { exact: true }).first().waitFor();
    const text = (await email.getByTestId("email-text").textContent()) ?? "";
    // Start and end in the member's zone by its everyday name (and the event's own time beside it).
    const end = start + 90 * 60_000;
    expect(text).toContain(`When: ${formatEventWhen(start, end, MEMBER_ZONE).text}`);
    expect(text).toContain(`Event time: ${formatMemberWhen(start, end, EVENT_ZONE, MEMBER_ZONE).event}`);
    // 24-hour times and the zone's name at that instant (an evening here may run past midnight).
    expect(text).toMatch(/When: [^\n]*\d\d:\d\d – \d\d:\d\d Eastern (Standard|Daylight) Time\n/);
    expect(text).not.toContain(MEMBER_ZONE);
    expect(text).toContain(`Change RSVP: ${inject("appUrl")}/events/${eventId}#rsvp`);
    expect(text).toContain(`Hi ${memberAccount.name}, a reminder that ${title} starts in`);
    expect(await email.locator("iframe").getAttribute("sandbox")).toBe("");

    // The admin's panel lists it, live, with its delivery status.
    const entry = sent
      .getByTestId("notification-log-entry")
      .filter({ hasText: memberAccount.name })
      .filter({ hasText: "Reminder" });
    await entry.getByText("Recorded").waitFor();

    // In-app: the bell counts it and the inbox lists it, linking to the event.
    await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    const item = page.getByTestId("notification").filter({ hasText: `Reminder: ${title}` });
    expect(await item.getAttribute("data-unread")).toBe("true");
    expect(await item.getByRole("link", { name: `Reminder: ${title}` }).getAttribute("href")).toBe(
      `/events/${eventId}`,
    );
    await item.getByRole("button", { name: "Mark as read" }).click();
    await page.getByRole("link", { name: "Notifications, 0 unread" }).waitFor();
    expect(await item.getAttribute("data-unread")).toBe("false");

    // The email's unsubscribe link opens the app's page: it asks first, the button acts.
    await page.goto("/dev/mailbox");
    await reminderRows.first().getByRole("button").click();
    const unsubscribe = page
      .getByRole("list", { name: "Links in this email" })
      .getByRole("link", { name: "Turn off event reminders" });
    const href = await unsubscribe.getAttribute("href");
    expect(href).toMatch(new RegExp(`^${inject("appUrl")}/unsubscribe\\?token=`));
    await page.goto(href!);
    await page.getByRole("button", { name: "Turn off event reminders" }).click();
    await page.getByRole("heading", { name: "You're unsubscribed" }).waitFor();

    // Settings now show reminders off (the chosen offset kept for when they turn them back on).
    await page.goto(`${inject("appUrl")}/settings`);
    const after = page.getByRole("form", { name: "Notification settings" });
    await after.getByRole("checkbox", { name: "Event reminders", exact: true }).waitFor();
    expect(await after.getByRole("checkbox", { name: "Event reminders", exact: true }).isChecked()).toBe(false);
    expect(await after.getByRole("checkbox", { name: "1 hour before", exact: true }).isDisabled()).toBe(true);

    await admin.context.close();
    await member.context.close();
  }, 240_000);

  test("a member mutes an org from its page and unmutes it from settings; the inbox starts empty", async () => {
    const adminAccount = await createAccount("Olga Organizer", uniqueEmail("olga"));
    const memberAccount = await createAccount("Pia Member", uniqueEmail("pia"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount], "E2E Mute");

    const { context, page } = await newPageIn("Europe/Berlin", { width: 375, height: 800 });
    await signInToHome(page, memberAccount.email);
    await page.getByRole("link", { name: "Notifications, 0 unread" }).click();
    await page.getByText("You're all caught up").waitFor();
    expect(await page.getByRole("button", { name: "Mark all as read" }).isDisabled()).toBe(true);

    await page.goto(`/org/${org.slug}`);
    const toggle = page.getByRole("switch", { name: "Mute notifications from this organization" });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await page.getByText(`You won't get reminders or announcements from ${org.name}.`).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(
      (await memberAccount.client.query(api.notifications.queries.getMyNotificationSettings, {})).mutedOrgIds,
    ).toEqual([org.orgId]);

    await page.goto("/settings");
    const muted = page.getByRole("list", { name: "Muted organizations" });
    await muted.getByRole("link", { name: org.name }).waitFor();
    await muted.getByRole("button", { name: `Unmute ${org.name}` }).click();
    await page.getByText("No muted organizations").waitFor();
    expect(
      (await memberAccount.client.query(api.notifications.queries.getMyNotificationSettings, {})).mutedOrgIds,
    ).toEqual([]);

    await context.close();
  });
});
