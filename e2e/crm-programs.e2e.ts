import { formatInTimeZone } from "date-fns-tz";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createAccount, createOrgWithMembers, type Account } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

const ZONE = "Europe/London";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const local = (ms: number) => formatInTimeZone(ms, ZONE, "yyyy-MM-dd'T'HH:mm");
const day = (ms: number) => formatInTimeZone(ms, ZONE, "yyyy-MM-dd");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const idOf = async (a: Account) => (await a.client.query(api.users.queries.viewer, {}))!._id;

describe("programs in the CRM", () => {
  test("an admin filters the directory by a program (and a role) from the URL-backed filter, and sees the program's row in the stats", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    const milo = await createAccount("Milo Member", uniqueEmail("milo"));
    const nora = await createAccount("Nora Member", uniqueEmail("nora"));
    const olga = await createAccount("Olga Outside", uniqueEmail("olga"));
    const org = await createOrgWithMembers(adminAccount, [milo, nora, olga], "E2E CRM cohort");
    const name = `Evals reading group ${Date.now().toString(36)}`;

    // A program started yesterday: four weekly sessions, Milo and Nora in it (Olga is not).
    const now = Date.now();
    const { programId } = await adminAccount.client.mutation(api.programs.mutations.createProgram, {
      orgId: org.orgId,
      name,
      description: "Weekly evals papers.",
      kind: "reading_group",
      startDate: day(now - DAY),
      endDate: day(now + 40 * DAY),
      timezone: ZONE,
      enrollmentMode: "open",
      countExcused: true,
    });
    await adminAccount.client.mutation(api.programs.mutations.setProgramStatus, {
      orgId: org.orgId,
      programId,
      status: "active",
    });
    const { eventIds } = await adminAccount.client.mutation(api.programs.mutations.createSeries, {
      orgId: org.orgId,
      programId,
      firstDate: day(now + 3 * DAY),
      startTime: "18:30",
      durationMinutes: 90,
      rrule: "FREQ=WEEKLY;COUNT=4",
      exdates: [],
      minAttended: 3,
    });
    // The first session is moved to start within the next minute or so (times have minutes),
    // Milo and Nora join before it starts (so they are enrolled at it), and once it has
    // started the admin records it: Milo attended, Nora did not.
    const start = Math.ceil((Date.now() + 15_000) / MINUTE) * MINUTE;
    await adminAccount.client.mutation(api.events.mutations.updateEvent, {
      eventId: eventIds[0]! as Id<"events">,
      title: `${name} · Session 1`,
      eventType: "reading_group",
      startLocal: local(start),
      endLocal: local(start + 90 * MINUTE),
      timezone: ZONE,
      notifyBefore: [],
    });
    for (const m of [milo, nora]) await m.client.mutation(api.programs.mutations.join, { orgId: org.orgId, programId });
    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    const page = admin.page;
    await screenshotOnFailure(page, "crm-programs", async () => {
      await page.goto(`/org/${org.slug}/members`);
      const table = page.getByRole("table", { name: "Member directory" });
      await table.getByRole("link", { name: "Olga Outside" }).waitFor();
      await page.getByLabel("Program", { exact: true }).selectOption({ label: name });
      await page.waitForURL(new RegExp(`program=${programId}`));
      await table.getByRole("link", { name: "Milo Member" }).waitFor();
      await expect.poll(() => table.getByRole("link", { name: "Olga Outside" }).count()).toBe(0);
      await expect.poll(() => table.getByRole("link", { name: /Member$/ }).count()).toBe(2);
      // Combined with a role, and still there after a reload (the URL holds both).
      await page.getByLabel("Role", { exact: true }).selectOption({ label: "Admins" });
      await page.getByText("No members match these filters").waitFor();
      await page.getByLabel("Role", { exact: true }).selectOption({ label: "Members" });
      await page.reload();
      await table.getByRole("link", { name: "Nora Member" }).waitFor();
      expect(await page.getByLabel("Program", { exact: true }).inputValue()).toBe(programId);
      expect(await page.getByLabel("Role", { exact: true }).inputValue()).toBe("member");

      // Once the session has started, the admin records it (the stats follow the records).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + 1_000 - Date.now())));
      await adminAccount.client.mutation(api.attendance.mutations.markAttendance, {
        eventId: eventIds[0]! as Id<"events">,
        userId: await idOf(milo),
        state: "attended",
      });
      await adminAccount.client.mutation(api.attendance.mutations.markAttendance, {
        eventId: eventIds[0]! as Id<"events">,
        userId: await idOf(nora),
        state: "no_show",
      });
      // The stats: one row for the program, from its attendance records.
      await page.goto(`/org/${org.slug}/stats?range=30`);
      const row = page
        .getByRole("table", { name: "Attendance by program" })
        .getByRole("row", { name: new RegExp(name) });
      await row.waitFor();
      await expect
        .poll(async () => (await row.getByRole("cell").allTextContents()).slice(1))
        .toEqual(["1 of 4", "2", "50%", "0", "0"]);
    });
  }, 180_000);
});
