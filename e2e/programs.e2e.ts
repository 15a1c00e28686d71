import { formatInTimeZone } from "date-fns-tz";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createAccount, createOrgWithMembers } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

const ZONE = "Europe/London";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Tuesday three weeks before the next UK spring DST change (the last Sunday of March). */
function tuesdayBeforeSpringChange(now = new Date()) {
  const year = now.getUTCMonth() >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const lastSunday = new Date(Date.UTC(year, 2, 31));
  lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
  const tuesday = new Date(lastSunday.getTime() - 19 * DAY);
  return { first: tuesday.toISOString().slice(0, 10), change: lastSunday.toISOString().slice(0, 10), year };
}

const local = (ms: number) => formatInTimeZone(ms, ZONE, "yyyy-MM-dd'T'HH:mm");

describe("programs", () => {
  test("an admin creates an 8-week reading group across a DST change at 18:30 local; a member joins, is RSVP'd, sees 2 of 8 after two sessions; the matrix updates live; completion shows the certificate", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    const memberAccount = await createAccount("Milo Member", uniqueEmail("milo"));
    const lateAccount = await createAccount("Lena Latecomer", uniqueEmail("lena"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount, lateAccount], "E2E Programs");
    const { first, change, year } = tuesdayBeforeSpringChange();
    const name = `Alignment reading group ${Date.now().toString(36)}`;

    // The admin creates the program and a weekly series from the form.
    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/org/${org.slug}/programs`);
    await admin.page.getByText("No programs yet").waitFor();
    await admin.page.getByRole("link", { name: "New program" }).click();
    await admin.page.getByLabel("Name").fill(name);
    await admin.page.getByLabel("Start date").fill(first);
    await admin.page.getByLabel("End date").fill(`${year}-05-31`);
    await admin.page.getByLabel("Timezone").selectOption(ZONE);
    await admin.page.getByRole("button", { name: "Create program" }).click();
    await admin.page.waitForURL(/\/programs\/[^/]+\/manage$/);
    const programId = admin.page.url().split("/").at(-2) as Id<"programs">;
    const series = admin.page.getByRole("form", { name: "New series" });
    await screenshotOnFailure(admin.page, "programs-series", async () => {
      await series.getByLabel("First session").fill(first);
      await series.getByLabel("Start time", { exact: true }).fill("18:30");
      await series.getByLabel("Number of weeks").fill("8");
      await expect.poll(() => series.getByLabel("Recurrence rule").inputValue()).toBe("FREQ=WEEKLY;BYDAY=TU;COUNT=8");
      await series.getByRole("button", { name: "Create sessions" }).click();
      await series.getByText("8 sessions created.").waitFor();
    });
    await admin.page.getByRole("button", { name: "Open to members" }).click();
    await admin.page.getByText("Active", { exact: true }).waitFor();

    // The member joins from the program page and is RSVP'd going to all eight, all at 18:30
    // local on both sides of the change.
    const member = await newPage(browser);
    await signInToHome(member.page, memberAccount.email);
    await member.page.goto(`/org/${org.slug}/programs/${programId}`);
    await member.page.getByRole("button", { name: "Join program" }).click();
    await member.page.getByText("You're in").waitFor();
    const times = member.page.getByTestId("session-time");
    await expect.poll(() => times.count()).toBe(8);
    const texts = await times.allTextContents();
    expect(texts.every((t) => t.includes("18:30"))).toBe(true);
    const page = (await memberAccount.client.query(api.programs.queries.getProgram, {
      orgId: org.orgId,
      programId,
    })) as { sessions: { _id: Id<"events">; title: string; startTime: number; viewerRsvp: string | null }[] };
    expect(page.sessions.map((s) => s.viewerRsvp)).toEqual(Array(8).fill("going"));
    const before = page.sessions.filter((s) => local(s.startTime).slice(0, 10) < change);
    const after = page.sessions.filter((s) => local(s.startTime).slice(0, 10) > change);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    // The same wall clock, a different UTC hour: GMT before, BST after.
    expect(new Date(before[0]!.startTime).getUTCHours()).toBe(18);
    expect(new Date(after[0]!.startTime).getUTCHours()).toBe(17);
    await member.page.getByTestId("program-progress").getByText("0 of 8").waitFor();

    // Time passes through the events' times: the first two sessions are moved into the past and
    // the admin records attendance; the admin's matrix, open meanwhile, follows live.
    await admin.page.getByRole("table", { name: "Participation" }).waitFor();
    const row = admin.page.getByRole("row", { name: /Milo Member/ });
    await row.getByTestId("matrix-progress").getByText("0 of 8").waitFor();
    for (const [i, s] of page.sessions.slice(0, 2).entries()) {
      const start = Math.floor((Date.now() - (2 - i) * DAY) / 60_000) * 60_000;
      await adminAccount.client.mutation(api.events.mutations.updateEvent, {
        eventId: s._id,
        title: s.title,
        eventType: "reading_group",
        startLocal: local(start),
        endLocal: local(start + 90 * 60_000),
        timezone: ZONE,
        notifyBefore: [],
      });
      await adminAccount.client.mutation(api.attendance.mutations.markAttendance, {
        eventId: s._id,
        userId: (await memberAccount.client.query(api.users.queries.viewer, {}))!._id,
        state: "attended",
      });
    }
    await screenshotOnFailure(admin.page, "programs-matrix", () =>
      row.getByTestId("matrix-progress").getByText("2 of 8").waitFor(),
    );
    expect(await row.locator('[data-cell="attended"]').count()).toBe(2);
    await member.page.getByTestId("program-progress").getByText("2 of 8").waitFor();

    // A late joiner, found by the admin's member search: the two sessions already held are "not
    // enrolled yet" for her, not absences, and she is not at risk.
    await admin.page.getByRole("searchbox", { name: "Add a member" }).fill("Latecomer");
    await admin.page.getByRole("button", { name: "Add Lena Latecomer" }).click();
    const lateRow = admin.page.getByRole("row", { name: /Lena Latecomer/ });
    await screenshotOnFailure(admin.page, "programs-late-joiner", async () => {
      await lateRow.getByText("joined after 2 sessions").waitFor();
      await expect.poll(() => lateRow.locator('[data-cell="not_enrolled"]').count()).toBe(2);
    });
    expect(await lateRow.locator('[data-cell="missed"]').count()).toBe(0);
    // Completion takes every session here (no minimum set): joining after two, she can no
    // longer reach 8 of 8, so she is flagged at once (with no "missed you" email).
    await lateRow.getByText("At risk").waitFor();

    // A session's event page links back to its program.
    await member.page.goto(`/events/${page.sessions[2]!._id}`);
    await member.page.getByRole("link", { name: `Session 3 of 8 · ${name}` }).click();
    await member.page.waitForURL(new RegExp(`/programs/${programId}$`));
    await member.page.getByTestId("program-progress").getByText("2 of 8").waitFor();

    // The admin sets completion at 2 sessions: the member has completed and gets a certificate.
    await admin.page.getByLabel("Sessions to attend to complete", { exact: false }).last().fill("2");
    await admin.page.getByRole("button", { name: "Save settings" }).click();
    await screenshotOnFailure(member.page, "programs-certificate", async () => {
      await member.page.getByRole("link", { name: "Your certificate" }).click();
      const cert = member.page.getByRole("article", { name: "Certificate of completion" });
      await cert.getByRole("heading", { name: "Milo Member" }).waitFor();
      await cert.getByText(name).waitFor();
      await member.page.getByRole("button", { name: "Print / Save as PDF" }).waitFor();
    });
    // With 2 of 8 required, the six sessions left to the late joiner are enough: the flag goes.
    await expect.poll(() => lateRow.getByText("At risk").count()).toBe(0);
  });
});
