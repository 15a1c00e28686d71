import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers } from "./backend";
import { launchBrowser, newPage, signInToHome, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The calendar's VEVENT properties (RFC 5545 lines unfolded first). */
function parseIcs(text: string) {
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r?\n/);
  expect(unfolded).toMatch(/END:VCALENDAR\s*$/);
  const vevent = /BEGIN:VEVENT\r?\n([\s\S]*?)END:VEVENT/.exec(unfolded)?.[1] ?? "";
  const props: Record<string, string> = {};
  for (const line of vevent.split(/\r?\n/)) {
    const match = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
    if (match) props[match[1]!] = match[2]!;
  }
  return props;
}

const year = new Date().getUTCFullYear() + 1;

describe("events", () => {
  test("an admin publishes an event; a member finds it on the dashboard and RSVPs; the admin's attendee list updates live; the .ics and server HTML are right", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    const memberAccount = await createAccount("Milo Member", uniqueEmail("milo"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount]);
    const title = `Evals night ${Date.now().toString(36)}`;

    // The admin creates the event in New York time and publishes it.
    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/org/${org.slug}/events`);
    await admin.page.getByText("No upcoming events").waitFor();
    await admin.page.getByRole("link", { name: "New event" }).click();
    await admin.page.getByLabel("Title").fill(title);
    await admin.page.getByLabel("Description").fill("Talks, then **pizza**. <script>alert(1)</script>");
    await admin.page.getByLabel("Type").selectOption("talk");
    await admin.page.getByLabel("Starts").fill(`${year}-06-15T18:30`);
    await admin.page.getByLabel("Ends").fill(`${year}-06-15T20:30`);
    await admin.page.getByRole("combobox", { name: "Time zone" }).fill("New York");
    await admin.page.getByRole("option", { name: /America\/New York/ }).click();
    await admin.page.getByLabel("Venue").fill("Hall A, 1 Main St");
    await admin.page.getByRole("button", { name: "Publish" }).click();
    await admin.page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
    await admin.page.getByRole("dialog").getByRole("button", { name: "View event" }).click();
    await admin.page.waitForURL(/^[^?]*\/events\/(?!new$)[^/]+$/);
    const eventPath = new URL(admin.page.url()).pathname;
    expect(eventPath).toMatch(/^\/events\/[^/]+$/);
    await admin.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await admin.page.getByText("18:30 – 20:30 Eastern Daylight Time").waitFor();
    // Raw HTML in the description is never rendered as markup.
    expect(await admin.page.locator("article script").count()).toBe(0);
    const attendees = admin.page.getByRole("region", { name: "Attendees" });
    await attendees.getByText("No RSVPs yet").waitFor();

    // The member finds it on the dashboard, opens it and RSVPs.
    const member = await newPage(browser);
    await signInToHome(member.page, memberAccount.email);
    const upcoming = member.page.getByRole("region", { name: "Upcoming events" });
    await upcoming.getByRole("link", { name: title }).click();
    await member.page
      .getByRole("heading", { level: 1, name: title })
      .waitFor()
      .catch(async (error: unknown) => {
        await member.page.screenshot({ path: "e2e/artifacts/events-dashboard.png", fullPage: true });
        throw error;
      });
    expect(new URL(member.page.url()).pathname.replace(/\/$/, "")).toBe(eventPath);
    const going = member.page.getByRole("button", { name: "Going", exact: true });
    expect(await going.getAttribute("aria-pressed")).toBe("false");
    await going.click();
    await member.page.getByTestId("rsvp-status").getByText("You're going").waitFor();
    expect(await going.getAttribute("aria-pressed")).toBe("true");
    await member.page.getByTestId("rsvp-counts").getByText("1 going").waitFor();

    // No reload on the admin's side: the attendee list and the counts update.
    const row = attendees.getByTestId("attendee").filter({ hasText: "Milo Member" });
    await row.getByText("Going").waitFor();
    await admin.page.getByTestId("rsvp-counts").getByText("1 going").waitFor();

    // The member changes their mind to "Maybe": the admin sees that too.
    await member.page.getByRole("button", { name: "Maybe", exact: true }).click();
    await member.page.getByTestId("rsvp-status").getByText("You might go").waitFor();
    await row.getByText("Maybe").waitFor();

    // "Add to calendar": the .ics file parses and starts at the right UTC instant (EDT = UTC-4).
    const href = await member.page.getByRole("link", { name: "Download .ics" }).getAttribute("href");
    expect(href).toMatch(new RegExp(`^${inject("siteUrl")}/events/`));
    const ics = await fetch(href!);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/text\/calendar/);
    const props = parseIcs(await ics.text());
    expect(props.DTSTART).toBe(`${year}0615T223000Z`);
    expect(props.DTEND).toBe(`${year}0616T003000Z`);
    expect(props.SUMMARY).toBe(title);
    const google = await member.page.getByRole("link", { name: "Google Calendar" }).getAttribute("href");
    expect(google).toContain(`dates=${year}0615T223000Z%2F${year}0616T003000Z`);

    // The event page renders on the server: title, time and place without any JavaScript.
    const html = await (await fetch(`${inject("appUrl")}${eventPath}`)).text();
    expect(html).toContain(title);
    expect(html).toContain("18:30 – 20:30 Eastern Daylight Time");
    expect(html).toContain("Hall A, 1 Main St");
    expect(html).toMatch(/<meta property="og:type" content="event"\/?>/);
    expect(html).toContain(`<meta property="og:title" content="${title}"`);

    await admin.context.close();
    await member.context.close();
  });

  test("with capacity 1 the second member is waitlisted and is promoted, live, when the first drops out", async () => {
    const adminAccount = await createAccount("Wanda Admin", uniqueEmail("wanda"));
    const first = await createAccount("Fay First", uniqueEmail("fay"));
    const second = await createAccount("Sam Second", uniqueEmail("sam"));
    const org = await createOrgWithMembers(adminAccount, [first, second], "E2E Waitlist");
    const { eventId } = await adminAccount.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "One seat only",
      eventType: "workshop",
      startLocal: `${year}-03-10T10:00`,
      endLocal: `${year}-03-10T12:00`,
      timezone: "Europe/London",
      capacity: 1,
    });
    await adminAccount.client.mutation(api.events.mutations.publishEvent, { eventId });

    const a = await newPage(browser);
    await signInToHome(a.page, first.email);
    await a.page.goto(`/events/${eventId}`);
    await a.page.getByTestId("spots-left").getByText("1 spot left of 1").waitFor();
    await a.page.getByRole("button", { name: "Going", exact: true }).click();
    await a.page.getByTestId("rsvp-status").getByText("You're going").waitFor();

    const b = await newPage(browser, { width: 375, height: 800 });
    await signInToHome(b.page, second.email);
    await b.page.goto(`/events/${eventId}`);
    await b.page.getByText(/This event is full/).waitFor();
    await b.page.getByRole("button", { name: "Going", exact: true }).click();
    await b.page.getByTestId("rsvp-status").getByText("On the waitlist (#1)").waitFor();
    await a.page.getByTestId("rsvp-counts").getByText("1 going · 1 on the waitlist").waitFor();

    // The first member drops out; the second is promoted in the same transaction, live.
    await a.page.getByRole("button", { name: "Not going", exact: true }).click();
    await a.page.getByTestId("rsvp-status").getByText("You're not going").waitFor();
    await b.page.getByTestId("rsvp-status").getByText("A spot opened up: you're going!").waitFor();
    expect(await b.page.getByRole("button", { name: "Going", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await b.page.getByTestId("rsvp-counts").getByText("1 going").waitFor();

    await a.context.close();
    await b.context.close();
  });

  test("an admin removes an RSVP from the attendee list; the seat goes to the waitlist", async () => {
    const adminAccount = await createAccount("Rita Admin", uniqueEmail("rita"));
    const first = await createAccount("Gus Going", uniqueEmail("gus"));
    const second = await createAccount("Wes Waiting", uniqueEmail("wes"));
    const org = await createOrgWithMembers(adminAccount, [first, second], "E2E Remove RSVP");
    const { eventId } = await adminAccount.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "Small room",
      eventType: "workshop",
      startLocal: `${year}-03-12T10:00`,
      endLocal: `${year}-03-12T12:00`,
      timezone: "Europe/London",
      capacity: 1,
      publish: true,
    });
    await first.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await second.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });

    const admin = await newPage(browser);
    await signInToHome(admin.page, adminAccount.email);
    await admin.page.goto(`/events/${eventId}`);
    const attendees = admin.page.getByRole("region", { name: "Attendees" });
    await attendees.getByRole("button", { name: "Remove Gus Going's RSVP" }).click();
    const dialog = admin.page.getByRole("dialog", { name: "Remove Gus Going's RSVP?" });
    await dialog.getByRole("button", { name: "Remove RSVP" }).click();
    await dialog.waitFor({ state: "hidden" });
    await attendees.getByTestId("attendee").filter({ hasText: "Gus Going" }).waitFor({ state: "detached" });
    await attendees.getByTestId("attendee").filter({ hasText: "Wes Waiting" }).getByText("Going").waitFor();
    const page = await second.client.query(api.events.queries.getEvent, { eventId });
    expect(page.viewerRsvp?.status).toBe("going");
    expect((await first.client.query(api.events.queries.getEvent, { eventId })).viewerRsvp).toBeNull();

    await admin.context.close();
  });

  test("a members-only event: hidden from the signed-out HTML, shown to a member opening its link", async () => {
    const adminAccount = await createAccount("Petra Private", uniqueEmail("petra"));
    const memberAccount = await createAccount("Mia Member", uniqueEmail("mia"));
    const org = await createOrgWithMembers(adminAccount, [memberAccount], "E2E Private", "private");
    const title = `Closed session ${Date.now().toString(36)}`;
    const { eventId } = await adminAccount.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title,
      eventType: "meetup",
      startLocal: `${year}-10-25T18:00`,
      endLocal: `${year}-10-25T19:30`,
      timezone: "Asia/Kolkata",
      onlineUrl: "https://meet.example.com/closed",
    });
    await adminAccount.client.mutation(api.events.mutations.publishEvent, { eventId });

    const html = await (await fetch(`${inject("appUrl")}/events/${eventId}`)).text();
    expect(html).not.toContain(title);

    const member = await newPage(browser);
    await signInToHome(member.page, memberAccount.email);
    await member.page.goto(`/events/${eventId}`);
    await member.page.getByRole("heading", { level: 1, name: title }).waitFor();
    await member.page.getByText("18:00 – 19:30 India Standard Time").waitFor();
    // The online link appears once they're going.
    expect(await member.page.getByRole("link", { name: /Join online/ }).count()).toBe(0);
    await member.page.getByRole("button", { name: "Going", exact: true }).click();
    await member.page.getByRole("link", { name: /Join online/ }).waitFor();
    await member.context.close();
  });
});
