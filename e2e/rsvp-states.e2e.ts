// RSVP states say what is true: a waitlisted member sees their place and "Leave waitlist" (not
// "Going" pressed); on a phone the RSVP bar sticks to the bottom, "Not going" fits at 375 px,
// and long links wrap instead of widening the page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { eventForm } from "../convex/test.fixtures";
import { createAccount, createOrgWithMembers, PASSWORD } from "./backend";
import { launchBrowser, newPage, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 375, height: 812 };
const LONG_LINK = `https://example.org/${"a-very-long-path-segment-".repeat(12)}end`;

describe("RSVP states", () => {
  test("waitlisted at 375 px: '#2 on the waitlist', Leave waitlist, a bar fixed to the bottom, nothing overflows", async () => {
    const admin = await createAccount("Ada Full", uniqueEmail("full"));
    const first = await createAccount("Fay First", uniqueEmail("fay"));
    const second = await createAccount("Sam Second", uniqueEmail("sam"));
    const org = await createOrgWithMembers(admin, [first, second], "E2E Waitlist");
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      ...eventForm({ title: "Tiny room", capacity: 1, description: `Slides: ${LONG_LINK}` }),
      venue: `Room ${"Z".repeat(80)}`,
    });
    await admin.client.mutation(api.events.mutations.publishEvent, { eventId });
    await admin.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    expect((await first.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).status).toBe(
      "waitlisted",
    );
    expect(await second.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).toEqual({
      status: "waitlisted",
      waitlistPosition: 2,
    });

    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`/sign-in?redirect=${encodeURIComponent(`/events/${eventId}`)}`);
    await page.getByLabel("Email").fill(second.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === `/events/${eventId}`);

    await expect
      .poll(() => page.getByTestId("rsvp-status").textContent(), { timeout: 20_000 })
      .toBe("On the waitlist (#2)");
    const leave = page.getByRole("button", { name: "Leave waitlist" });
    await leave.waitFor();
    expect(await page.locator("[aria-pressed=true]").count()).toBe(0);

    // The bar is fixed to the bottom of the phone's screen, wherever the page is scrolled.
    const bar = page.getByTestId("rsvp-bar");
    const atTop = await bar.boundingBox();
    expect(Math.round(atTop!.y + atTop!.height)).toBe(PHONE.height);
    await page.mouse.wheel(0, 2000);
    await expect
      .poll(async () => Math.round((await bar.boundingBox())!.y + (await bar.boundingBox())!.height))
      .toBe(PHONE.height);
    // Long links and names wrap: the page is never wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: "e2e/artifacts/rsvp-waitlist-375.png" });

    await leave.click();
    await expect
      .poll(() => page.getByTestId("rsvp-status").textContent(), { timeout: 20_000 })
      .toBe("You're not going");
    const notGoing = page.getByRole("button", { name: "Not going" });
    expect(await notGoing.getAttribute("aria-pressed")).toBe("true");
    // "Not going" fits inside its button and the screen.
    const fits = await notGoing.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return button.scrollWidth <= button.clientWidth && box.left >= 0 && box.right <= window.innerWidth;
    });
    expect(fits).toBe(true);
    await page.screenshot({ path: "e2e/artifacts/rsvp-not-going-375.png" });
    // The seat order moved: Fay is first in line now.
    expect((await first.client.query(api.events.queries.getEvent, { eventId })).viewerRsvp?.waitlistPosition).toBe(1);
    await context.close();
  });

  test("at 1280 px the RSVP controls sit in the card, not in a bar over the page", async () => {
    const admin = await createAccount("Ada Wide", uniqueEmail("wide"));
    const org = await createOrgWithMembers(admin, [], "E2E Wide");
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      ...eventForm({ title: "Wide room" }),
    });
    await admin.client.mutation(api.events.mutations.publishEvent, { eventId });
    const { context, page } = await newPage(browser);
    await page.goto(`/events/${eventId}`);
    const bar = page.getByTestId("rsvp-bar");
    await bar.getByRole("link", { name: "Going", exact: true }).waitFor();
    await expect.poll(() => bar.evaluate((el) => getComputedStyle(el).position), { timeout: 10_000 }).toBe("static");
    // Inside the RSVP card near the top, not pinned to the bottom of the window.
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(700);
    await context.close();
  });
});
