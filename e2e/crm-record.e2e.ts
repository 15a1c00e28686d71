import { formatInTimeZone } from "date-fns-tz";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createAccount, createOrgWithMembers, type Account } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

const ZONE = "Europe/London";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const local = (ms: number) => formatInTimeZone(ms, ZONE, "yyyy-MM-dd'T'HH:mm");
const minuteFloor = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** An event both members RSVP'd to while it was ahead, then moved to have ended an hour ago. */
async function pastEvent(admin: Account, members: Account[], orgId: Id<"organizations">, title: string) {
  const fields = { title, eventType: "meetup" as const, timezone: ZONE, venue: "The Hub", notifyBefore: [] };
  const ahead = minuteFloor(Date.now() + 24 * HOUR);
  const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
    orgId,
    ...fields,
    startLocal: local(ahead),
    endLocal: local(ahead + HOUR),
    publish: true,
  });
  for (const m of members) await m.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
  const end = minuteFloor(Date.now() - HOUR);
  await admin.client.mutation(api.events.mutations.updateEvent, {
    eventId,
    ...fields,
    startLocal: local(end - HOUR),
    endLocal: local(end),
  });
  return eventId as Id<"events">;
}

describe("member record and community stats", () => {
  test("an admin opens a member's record, adds a note that appears live, edits and deletes it, adds and removes a tag; the stats show the totals", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    const milo = await createAccount("Milo Member", uniqueEmail("milo"));
    const nora = await createAccount("Nora Member", uniqueEmail("nora"));
    const org = await createOrgWithMembers(adminAccount, [milo, nora], "E2E CRM");
    const title = `Evals night ${Date.now().toString(36)}`;
    const eventId = await pastEvent(adminAccount, [milo, nora], org.orgId, title);
    await adminAccount.client.mutation(api.attendance.mutations.checkIn, { eventId, userId: await idOf(milo) });
    await adminAccount.client.mutation(api.attendance.mutations.markAttendance, {
      eventId,
      userId: await idOf(nora),
      state: "no_show",
    });
    await milo.client.mutation(api.attendance.mutations.submitFeedback, { eventId, rating: 4 });
    await adminAccount.client.mutation(api.crm.tags.createTag, { orgId: org.orgId, name: "Speaker", color: "purple" });

    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    const page = admin.page;

    await screenshotOnFailure(page, "crm-record", async () => {
      await page.goto(`/org/${org.slug}/members`);
      await page.getByRole("link", { name: "Milo Member" }).click();
      await page.waitForURL(new RegExp(`/org/${org.slug}/members/`));
      await page.getByRole("heading", { level: 2, name: "Milo Member" }).waitFor();
      const timeline = page.getByRole("region", { name: "Timeline" });
      await timeline.getByText("Checked in at the door").waitFor();
      await timeline.getByText(`Rated ${title} 4 of 5`).waitFor();
      await timeline.getByText("Joined the org").waitFor();

      // A note appears at the top of the timeline without a reload.
      await page.getByLabel("Add a note").fill("Brought the projector; ask about a talk.");
      await page.getByRole("button", { name: "Save note" }).click();
      const note = timeline.getByRole("article", { name: "Note by Ada Organizer" });
      await note.getByText("Brought the projector; ask about a talk.").waitFor();
      expect(await page.getByLabel("Add a note").inputValue()).toBe("");

      await note.getByRole("button", { name: "Edit note" }).click();
      await note.getByLabel("Edit note").fill("Brought the projector; giving a talk in May.");
      await note.getByRole("button", { name: "Save changes" }).click();
      await note.getByText("Brought the projector; giving a talk in May.").waitFor();
      await note.getByText(/edited/).waitFor();

      await note.getByRole("button", { name: "Delete note" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete note" }).click();
      await timeline.getByRole("article").waitFor({ state: "detached" });

      // A tag the org defined is added from the record and removed again.
      const tags = page.getByRole("list", { name: "Member tags" });
      await tags.getByText("No tags yet.").waitFor();
      await page.getByLabel("Add tag").selectOption({ label: "Speaker" });
      await tags.getByText("Speaker").waitFor();
      await page.getByRole("button", { name: "Remove tag Speaker" }).click();
      await tags.getByText("No tags yet.").waitFor();
    });

    await screenshotOnFailure(page, "crm-stats", async () => {
      await page.goto(`/org/${org.slug}/stats?range=30`);
      await page.getByRole("heading", { name: "Community stats" }).waitFor();
      const figure = (term: string) => page.locator("dl > div").filter({ has: page.getByText(term, { exact: true }) });
      await figure("Members").getByText("3", { exact: true }).waitFor();
      await figure("Events held").getByText("1", { exact: true }).waitFor();
      await figure("Active, last 30 days").getByText("1", { exact: true }).waitFor();
      await figure("RSVP to attendance").getByText("50%", { exact: true }).waitFor();
      await figure("No-show rate").getByText("50%", { exact: true }).waitFor();
      await figure("Average feedback").getByText("4.0 / 5", { exact: true }).waitFor();
      // The charts load lazily and draw the same totals.
      await page.getByRole("figure", { name: "Members over time: 3 joined and 0 left, per week" }).waitFor();
      await page
        .getByRole("figure", { name: "New and returning attendees: 1 new and 0 returning, per event" })
        .waitFor();
      await page.getByRole("figure", { name: "Events per month: 1 event held" }).waitFor();
      await page.locator("figure .recharts-surface").first().waitFor();
      expect(await page.locator("figure .recharts-surface").count()).toBeGreaterThanOrEqual(3);
    });
  });
});

async function idOf(account: Account): Promise<Id<"users">> {
  const viewer = await account.client.query(api.users.queries.viewer, {});
  return viewer!._id;
}
