// The event form as an admin meets it: the org's time zone by default (set in the org's
// settings with the searchable picker), reminders already past can't be ticked, and publishing
// says how many members it notifies and ends on a share step with the link.
import { formatInTimeZone } from "date-fns-tz";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers } from "./backend";
import { launchBrowser, newPage, signIn, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("org zone → new event's zone; past reminders disabled (and refused by the server); publish confirms the audience and shares the link", async () => {
  const admin = await createAccount("Ada Organizer", uniqueEmail("ada"));
  const members = [await createAccount("Milo", uniqueEmail("milo")), await createAccount("Noor", uniqueEmail("noor"))];
  const org = await createOrgWithMembers(admin, members, "E2E Form");
  const { context, page } = await newPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, admin.email);
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();

  // The org's settings: type "Berlin", pick it with the keyboard, save.
  await page.goto(`/org/${org.slug}/admin`);
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await zone.fill("Berlin");
  await page.getByRole("option", { name: /Europe\/Berlin/ }).waitFor();
  await zone.press("ArrowDown");
  await zone.press("ArrowUp");
  await zone.press("Enter");
  expect(await zone.inputValue()).toBe("Europe/Berlin");
  await page.getByTestId("time-zone-detail").getByText("Central European").waitFor();
  // Current names only: "Calcutta" finds Kolkata's row, listed as Asia/Kolkata.
  await zone.fill("Calcutta");
  expect(await page.getByRole("option", { name: /Asia\/Calcutta/ }).count()).toBe(0);
  await zone.fill("Kolkata");
  await page.getByRole("option", { name: /Asia\/Kolkata/ }).waitFor();
  await zone.press("Escape");
  expect(await zone.inputValue()).toBe("Europe/Berlin");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Changes saved.").waitFor();
  const saved = await admin.client.query(api.orgs.queries.getOrgBySlug, { slug: org.slug });
  expect(saved?.timezone).toBe("Europe/Berlin");

  // A new event starts in the org's zone, not the browser's (UTC here).
  await page.goto(`/org/${org.slug}/events/new`);
  expect(await page.getByRole("combobox", { name: "Time zone" }).inputValue()).toBe("Europe/Berlin");
  await page.screenshot({ path: "e2e/artifacts/event-form-1280.png", fullPage: true });

  // Three hours from now: the 1-day reminder is past and can't be ticked; 1 hour still can.
  const start = Date.now() + 3 * 3_600_000;
  await page.getByLabel("Title").fill("Evals night");
  await page.getByLabel("Starts").fill(formatInTimeZone(start, "Europe/Berlin", "yyyy-MM-dd'T'HH:mm"));
  await page.getByLabel("Ends").fill(formatInTimeZone(start + 7_200_000, "Europe/Berlin", "yyyy-MM-dd'T'HH:mm"));
  const dayBefore = page.getByRole("checkbox", { name: "1 day before" });
  await expect.poll(() => dayBefore.isDisabled()).toBe(true);
  expect(await dayBefore.isChecked()).toBe(false);
  await page.getByText("(already past for this start time)").first().waitFor();
  expect(await page.getByRole("checkbox", { name: "1 hour before" }).isDisabled()).toBe(false);

  // The server refuses a past reminder by itself, on the field.
  await expect(
    admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "Too late",
      eventType: "meetup",
      startLocal: formatInTimeZone(start, "Europe/Berlin", "yyyy-MM-dd'T'HH:mm"),
      endLocal: formatInTimeZone(start + 7_200_000, "Europe/Berlin", "yyyy-MM-dd'T'HH:mm"),
      timezone: "Europe/Berlin",
      notifyBefore: [1440],
    }),
  ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "notifyBefore" } });

  // Publishing: "This notifies 2 members", then the share step with the link.
  await page.getByRole("button", { name: "Publish" }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByText(`This notifies 2 members of ${org.name}.`).waitFor();
  await confirm.getByRole("button", { name: "Publish now" }).click();
  const share = page.getByRole("dialog", { name: /is published/ });
  const link = await share.getByRole("textbox", { name: "Event link" }).inputValue();
  expect(link).toMatch(/\/events\/[a-z0-9]+$/);
  await share.getByRole("button", { name: "Copy link" }).click();
  await share.getByRole("button", { name: "Copied" }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.screenshot({ path: "e2e/artifacts/event-share-1280.png" });
  await share.getByRole("button", { name: "View event" }).click();
  await page.waitForURL(link);
  await page.getByRole("heading", { level: 1, name: "Evals night" }).waitFor();
  await context.close();
});

test("the picker works at 375 px with the keyboard alone", async () => {
  const admin = await createAccount("Bea Organizer", uniqueEmail("bea"));
  const org = await createOrgWithMembers(admin, [], "E2E Phone");
  const { context, page } = await newPage(browser, { width: 375, height: 800 });
  await signIn(page, admin.email);
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  await page.goto(`/org/${org.slug}/events/new`);
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await zone.focus();
  await zone.pressSequentially("kyiv");
  await page.getByRole("option", { name: /Europe\/Kyiv/ }).waitFor();
  await page.screenshot({ path: "e2e/artifacts/event-form-zone-375.png" });
  await zone.press("Enter");
  expect(await zone.inputValue()).toBe("Europe/Kyiv");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
});
