import { formatInTimeZone } from "date-fns-tz";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createAccount, createOrgWithMembers, PASSWORD, type Account } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

const ZONE = "Europe/London";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const local = (ms: number) => formatInTimeZone(ms, ZONE, "yyyy-MM-dd'T'HH:mm");

/** A published event from `start` to `end` (whole minutes) with `going` RSVP'd "Going". */
async function createEvent(admin: Account, orgId: Id<"organizations">, title: string, start: number, end: number) {
  const fields = { title, eventType: "meetup" as const, timezone: ZONE, venue: "The Hub", notifyBefore: [] };
  const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
    orgId,
    ...fields,
    startLocal: local(start),
    endLocal: local(end),
    publish: true,
  });
  return { eventId: eventId as Id<"events">, fields };
}

const minuteFloor = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

describe("attendance", () => {
  test("after the event the prompt email arrives once, its Yes link records attendance signed out, the member leaves 4 stars and the admin's summary updates live", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    const memberAccount = await createAccount("Milo Member", uniqueEmail("milo"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount], "E2E Attend");
    const title = `Reading group ${Date.now().toString(36)}`;
    // RSVPs close at the start, so the member answers while the event is ahead; then the event
    // is moved to have ended more than 2 h ago: its prompt is due at once.
    const ahead = minuteFloor(Date.now() + 24 * HOUR);
    const { eventId, fields } = await createEvent(adminAccount, org.orgId, title, ahead, ahead + HOUR);
    await memberAccount.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const end = minuteFloor(Date.now() - 2 * HOUR - 2 * MINUTE);
    await adminAccount.client.mutation(api.events.mutations.updateEvent, {
      eventId,
      ...fields,
      startLocal: local(end - HOUR),
      endLocal: local(end),
    });

    // The admin watches the event page: past tense, the feedback summary starts empty.
    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/events/${eventId}`);
    await admin.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await admin.page.getByTestId("rsvp-counts").getByText("0 attended").waitFor();
    expect(await admin.page.getByRole("button", { name: "Cancel event" }).count()).toBe(0);
    const summary = admin.page.getByRole("region", { name: "Feedback", exact: true });
    await summary.getByText("No feedback yet").waitFor();

    // The prompt email, once, in the member's dev mailbox (it shows only the signed-in user's mail).
    const inbox = await newPage(browser);
    await signInToHome(inbox.page, memberAccount.email);
    await inbox.page.goto("/dev/mailbox");
    const rows = inbox.page
      .getByRole("list", { name: "Emails" })
      .getByTestId("mailbox-row")
      .filter({ hasText: memberAccount.email })
      .filter({ hasText: `Did you make it to ${title}?` });
    await screenshotOnFailure(inbox.page, "attendance-mailbox", () => rows.first().waitFor({ timeout: 60_000 }));
    await inbox.page.waitForTimeout(3_000);
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole("button").click();
    const yes = inbox.page
      .getByRole("list", { name: "Links in this email" })
      .getByRole("link", { name: "Yes, I was there" });
    const href = await yes.getAttribute("href");
    expect(href).toMatch(new RegExp(`^${inject("appUrl")}/confirm-attendance\\?token=`));

    // Its "Yes" link, in a signed-out browser: the app's confirm page, then recorded.
    const visitor = await newPage(browser);
    const page = visitor.page;
    await page.goto(href!);
    await page.getByRole("button", { name: "Yes, I was there" }).click();
    await page.getByRole("heading", { name: "Glad you made it" }).waitFor();
    await admin.page.getByTestId("rsvp-counts").getByText("1 attended").waitFor();

    // The member signs in: the event page says so and takes 4 stars and a comment.
    await signInToHome(page, memberAccount.email);
    await page.goto(`${inject("appUrl")}/events/${eventId}`);
    const mine = page.getByTestId("my-attendance");
    await mine.getByText("You attended").waitFor();
    await mine.getByText("Self-reported").waitFor();
    expect(await page.getByRole("group", { name: "Your RSVP" }).count()).toBe(0);
    await screenshotOnFailure(page, "attendance-feedback", async () => {
      const form = page.getByRole("form", { name: "Your feedback" });
      await form.getByRole("radio", { name: "4 stars" }).check({ force: true });
      await form.getByLabel("Comment").fill("Great discussion, more snacks next time.");
      await form.getByText("40 / 2,000").waitFor();
      await form.getByRole("button", { name: "Send feedback" }).click();
      await form.getByRole("status").getByText("Thanks for your feedback").waitFor();
    });

    // The admin's summary, live: one response, no average yet (below 3), the named comment.
    const stats = summary.getByTestId("feedback-stats");
    await stats.getByText("Not enough responses yet").waitFor();
    await summary
      .getByRole("list", { name: "Comments" })
      .getByText("Great discussion, more snacks next time.")
      .waitFor();
    await summary.getByRole("list", { name: "Comments" }).getByText(memberAccount.name).waitFor();
    expect(await stats.getByText("100%").count()).toBe(1);
    const sheet = admin.page.getByRole("region", { name: "Attendance", exact: true });
    await sheet
      .getByTestId("sheet-row")
      .filter({ hasText: memberAccount.name })
      .getByText(/Attended \(self-reported\)/)
      .waitFor();

    // The profile's history lists it as self-reported, with the member's own stars.
    await page.goto(`${inject("appUrl")}/profile`);
    const history = page.getByTestId("history-row").filter({ hasText: title });
    await history.getByText("Self-reported").waitFor();
    await history.getByRole("img", { name: "4 out of 5 stars" }).waitFor();

    await admin.context.close();
    await inbox.context.close();
    await visitor.context.close();
  }, 180_000);

  test("an admin checks a member in at 375 px while a second admin's list updates live", async () => {
    const first = await createAccount("Dora Door", uniqueEmail("dora"));
    const second = await createAccount("Sam Second", uniqueEmail("sam"));
    const memberAccount = await createAccount("Wren Walker", uniqueEmail("wren"));
    const org = await createOrgWithMembers(first, [second, memberAccount], "E2E Door");
    const secondId = (await second.client.query(api.users.queries.viewer, {}))!._id;
    await first.client.mutation(api.orgs.mutations.promoteMember, { orgId: org.orgId, userId: secondId });
    const start = minuteFloor(Date.now() + 30 * MINUTE);
    const title = `Hack night ${Date.now().toString(36)}`;
    const { eventId } = await createEvent(first, org.orgId, title, start, start + 2 * HOUR);
    await memberAccount.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });

    const phone = await newPage(browser, { width: 375, height: 740 });
    await signInToHome(phone.page, first.email);
    await phone.page.goto(`/events/${eventId}/check-in-desk`);
    const laptop = await newPage(browser);
    await signInToHome(laptop.page, second.email);
    await laptop.page.goto(`/events/${eventId}/check-in-desk`);
    for (const p of [phone.page, laptop.page])
      await p.getByTestId("check-in-counts").getByText("0 checked in").waitFor();

    await screenshotOnFailure(phone.page, "attendance-desk", async () => {
      await phone.page.getByLabel("Search by name").fill("Wren");
      await phone.page.getByRole("button", { name: `Check in ${memberAccount.name}` }).click();
      await phone.page.getByRole("button", { name: `Undo check-in for ${memberAccount.name}` }).waitFor();
    });
    // The other admin's list and counts follow without a reload.
    await laptop.page.getByRole("button", { name: `Undo check-in for ${memberAccount.name}` }).waitFor();
    await laptop.page.getByTestId("check-in-counts").getByText("1 checked in").waitFor();
    // Nothing on the phone overflows sideways.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Undo, and add the other admin as a walk-in.
    await laptop.page.getByRole("button", { name: `Undo check-in for ${memberAccount.name}` }).click();
    await phone.page.getByRole("button", { name: `Check in ${memberAccount.name}` }).waitFor();
    await phone.page.getByLabel("Search by name").fill("");
    await phone.page.getByRole("button", { name: "Add walk-in" }).click();
    const dialog = phone.page.getByRole("dialog", { name: "Add a walk-in" });
    await dialog.getByLabel("Filter members").fill("Sam");
    await dialog.getByRole("button", { name: `Add ${second.name} as a walk-in` }).click();
    await dialog.waitFor({ state: "detached" });
    await laptop.page.getByRole("button", { name: `Undo check-in for ${second.name}` }).waitFor();

    await phone.context.close();
    await laptop.context.close();
  }, 120_000);

  test("a member checks in by opening the venue QR code's link, signing in on the way", async () => {
    const adminAccount = await createAccount("Quinn Host", uniqueEmail("quinn"));
    const memberAccount = await createAccount("Rosa Scanner", uniqueEmail("rosa"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount], "E2E Venue");
    const start = minuteFloor(Date.now() - 10 * MINUTE);
    const title = `Talk ${Date.now().toString(36)}`;
    const { eventId } = await createEvent(adminAccount, org.orgId, title, start, start + 2 * HOUR);

    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/events/${eventId}`);
    await admin.page.getByRole("button", { name: "Show check-in QR" }).click();
    const dialog = admin.page.getByRole("dialog", { name: "Venue check-in code" });
    const qr = dialog.getByRole("img", { name: "QR code of the check-in link" });
    await qr.waitFor();
    const link = (await dialog.getByTestId("check-in-link").textContent())!;
    expect(link).toMatch(new RegExp(`^${inject("appUrl")}/events/${eventId}/check-in\\?token=`));
    expect(await qr.locator("svg path").count()).toBeGreaterThan(0); // drawn in the browser

    // Signed out: the link asks to sign in, then comes back and checks in.
    const phone = await newPage(browser, { width: 375, height: 740 });
    await phone.page.goto(link);
    await phone.page.waitForURL(/\/sign-in/);
    await phone.page.getByLabel("Email").fill(memberAccount.email);
    await phone.page.getByLabel("Password").fill(PASSWORD);
    await phone.page.getByRole("button", { name: "Sign in" }).click();
    await screenshotOnFailure(phone.page, "attendance-self-check-in", () =>
      phone.page.getByRole("heading", { name: "You're checked in" }).waitFor(),
    );

    // A tampered code is refused with an explanation.
    await phone.page.goto(`${link}x`);
    await phone.page.getByRole("heading", { name: "Couldn't check you in" }).waitFor();
    await phone.page.getByText("This check-in code is out of date or wrong").waitFor();

    // The organizer's sheet shows the venue check-in.
    await admin.page.keyboard.press("Escape");
    const sheet = admin.page.getByRole("region", { name: "Attendance", exact: true });
    await sheet
      .getByTestId("sheet-row")
      .filter({ hasText: memberAccount.name })
      .getByText(/checked in at the venue/)
      .waitFor();

    await admin.context.close();
    await phone.context.close();
  }, 120_000);
});
