// Loading and not-found states, the signed-out phone navigation, descriptions with HTML in them,
// and the email links' app pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers, PASSWORD } from "./backend";
import { launchBrowser, newPage, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Milliseconds from the page's HTML starting to arrive until an h1 reading `heading` is in the
 * document (the server's own time, slow on a loaded machine, is not the page's to answer for).
 */
async function timeToHeading(page: Page, path: string, heading: string) {
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  return await page.evaluate((text) => {
    const seen = (window as unknown as { firstSeen: Record<string, number> }).firstSeen[text]!;
    return Math.round(seen - performance.getEntriesByType("navigation")[0]!.toJSON().responseStart);
  }, heading);
}

/** Notes when each h1 text first appears, from the first byte of the document on. */
function watchHeadings() {
  const firstSeen: Record<string, number> = {};
  (window as unknown as { firstSeen: Record<string, number> }).firstSeen = firstSeen;
  new MutationObserver(() => {
    for (const h of document.querySelectorAll("h1")) firstSeen[h.textContent ?? ""] ??= performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

describe("loading and not found", () => {
  test("signed out, an unknown org and a private one answer at once: the server renders the answer", async () => {
    const admin = await createAccount("Priya Private", uniqueEmail("priya"));
    const org = await createOrgWithMembers(admin, [], "E2E Hidden", "private");
    // The HTML itself says so (no waiting for the browser's session or a retry).
    for (const path of ["/org/no-such-org-anywhere", `/org/${org.slug}`]) {
      const html = await (await fetch(`${inject("appUrl")}${path}`)).text();
      expect(html).toContain("Organization not found");
      expect(html).not.toContain(org.name);
    }
    const { context, page } = await newPage(browser);
    await page.addInitScript(watchHeadings);
    for (const path of ["/org/no-such-org-anywhere", `/org/${org.slug}`]) {
      const ms = await timeToHeading(page, path, "Organization not found");
      console.log(`${path}: "Organization not found" ${ms} ms after the HTML began`);
      // It comes with the HTML; before, a skeleton waited for the app's code and the session.
      expect(ms).toBeLessThan(1000);
    }
    await context.close();
  }, 60_000);

  test("a signed-in member never sees the signed-out answer while the session settles", async () => {
    const admin = await createAccount("Mo Member", uniqueEmail("mo"));
    const org = await createOrgWithMembers(admin, [], "E2E Mine", "private");
    const { context, page } = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/home$/);
    // Every heading the page shows while it loads.
    await page.addInitScript(watchHeadings);
    await page.goto(`/org/${org.slug}`);
    await page.getByRole("heading", { level: 1, name: org.name }).waitFor();
    const seen = await page.evaluate(() => Object.keys((window as unknown as { firstSeen: object }).firstSeen));
    expect(seen).toContain(org.name);
    expect(seen).not.toContain("Organization not found");
    await context.close();
  }, 60_000);
  test("while the session settles, a member sees frames, never the signed-out answers", async () => {
    const admin = await createAccount("Sol Settle", uniqueEmail("sol"));
    const member = await createAccount("Mia Member", uniqueEmail("mia"));
    const outsider = await createAccount("Noa Newcomer", uniqueEmail("noa"));
    const org = await createOrgWithMembers(admin, [member], "E2E Settle");
    const year = new Date().getUTCFullYear() + 1;
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "Settling night",
      eventType: "social",
      startLocal: `${year}-05-10T18:00`,
      endLocal: `${year}-05-10T20:00`,
      timezone: "Europe/London",
      publish: true,
    });
    for (const [account, path, expected] of [
      [member, `/events/${eventId}`, "Going"],
      [outsider, `/org/${org.slug}`, `Join ${org.name}`],
    ] as const) {
      const { context, page } = await newPage(browser, { width: 375, height: 800 });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/home$/);
      // From the first byte on, note any moment the page asks this signed-in person to sign in or up.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { signedOutSeen: string[] }).signedOutSeen = seen;
        new MutationObserver(() => {
          const text = document.body?.textContent ?? "";
          for (const phrase of ["Sign in and RSVP", "Sign up to join", "I have an account"]) {
            if (text.includes(phrase) && !seen.includes(phrase)) seen.push(phrase);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.goto(path);
      await page.getByRole("button", { name: expected, exact: true }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { signedOutSeen: string[] }).signedOutSeen)).toEqual([]);
      await context.close();
    }
  }, 90_000);
});

describe("event descriptions", () => {
  test("HTML in a description shows as text, and link previews carry no markdown marks", async () => {
    const admin = await createAccount("Hana Html", uniqueEmail("hana"));
    const org = await createOrgWithMembers(admin, [], "E2E Html");
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "Markup night",
      eventType: "social",
      startLocal: `${new Date().getUTCFullYear() + 1}-04-10T18:00`,
      endLocal: `${new Date().getUTCFullYear() + 1}-04-10T20:00`,
      timezone: "Europe/London",
      description:
        'Hello <img src="x" onerror="alert(1)"> and **bold** words\n\n## Agenda\n\n- [Talks](https://example.org)',
      publish: true,
    });
    const html = await (await fetch(`${inject("appUrl")}/events/${eventId}`)).text();
    const og = /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(og).not.toMatch(/\*\*|##|\]\(/);
    expect(og).toContain("bold words Agenda Talks");

    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/events/${eventId}`);
    const about = page.getByRole("region", { name: "About this event" });
    await about.getByText('Hello <img src="x" onerror="alert(1)"> and').waitFor();
    await about.locator("strong", { hasText: "bold" }).waitFor();
    expect(await about.locator("img").count()).toBe(0);
    // Signed out: the RSVP card says how to RSVP (no skeleton left behind).
    await page.getByRole("link", { name: "Sign in and RSVP going" }).waitFor();
    expect(dialogs).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("navigation", () => {
  test("a signed-out visitor on a phone reaches Organizations from the header", async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    await page.goto("/sign-in");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
    await page.waitForURL(/\/orgs$/);
    await page.getByRole("heading", { level: 1, name: "Organizations" }).waitFor();
    await context.close();
  }, 60_000);

  test("the dashboard on a phone: the main list first, each org once, New event below; both columns at 1280 px", async () => {
    const admin = await createAccount("Dee Dashboard", uniqueEmail("dee"));
    const org = await createOrgWithMembers(admin, [], "E2E Dash");
    await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      title: "Dashboard night",
      eventType: "social",
      startLocal: `${new Date().getUTCFullYear() + 1}-05-10T18:00`,
      endLocal: `${new Date().getUTCFullYear() + 1}-05-10T20:00`,
      timezone: "Europe/London",
      publish: true,
    });
    for (const width of [375, 1280]) {
      const { context, page } = await newPage(browser, { width, height: 900 });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/home$/);
      await page
        .getByRole("link", { name: /Dashboard night/ })
        .first()
        .waitFor();
      const top = (name: string) =>
        page.getByRole("heading", { name, exact: true }).evaluate((el) => el.getBoundingClientRect().top);
      const orgLinks = page.getByRole("link", { name: new RegExp(org.name) });
      const newEvent = page.getByRole("link", { name: "New event" });
      await newEvent.waitFor();
      if (width === 375) {
        // The events come first; the side column's event and org list would only repeat them.
        expect(await top("Upcoming events")).toBeLessThan(
          await newEvent.evaluate((el) => el.getBoundingClientRect().top),
        );
        expect(await page.getByTestId("next-event").isVisible()).toBe(false);
        expect(await page.getByTestId("side-orgs").isVisible()).toBe(false);
        expect(await orgLinks.filter({ visible: true }).count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } else {
        await page.getByTestId("next-event").getByText("Dashboard night").waitFor();
        expect(await page.getByTestId("side-orgs").isVisible()).toBe(true);
      }
      await context.close();
    }
  }, 90_000);
});

describe("signing up", () => {
  test("right after signing up, leaving the page asks nothing", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Lea Leaving");
    await page.getByLabel("Email").fill(uniqueEmail("lea"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    // Would a navigation now be held up by a "Leave site?" prompt? Asked every 50 ms meanwhile.
    const prevented: number[] = [];
    const started = Date.now();
    while (Date.now() - started < 4000) {
      const held = await page
        .evaluate(() => {
          const event = new Event("beforeunload", { cancelable: true });
          window.dispatchEvent(event);
          return event.defaultPrevented;
        })
        .catch(() => false); // mid-navigation
      if (held) prevented.push(Date.now() - started);
      await page.waitForTimeout(50);
    }
    await page.getByRole("heading", { name: /Welcome, Lea Leaving/ }).waitFor();
    expect(prevented).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("email link pages", () => {
  test("an unsubscribe or attendance link that isn't valid gets a styled app page, also through the old backend address", async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    await page.goto("/unsubscribe?token=not-a-real-token");
    await page.getByRole("heading", { name: "Link not valid" }).waitFor();
    await page.getByText("Nothing was changed.").first().waitFor();
    // The app's frame is around it.
    await page.getByRole("link", { name: "ASTN Orgs" }).waitFor();

    await page.goto(`${inject("siteUrl")}/attendance?token=not-a-real-token`);
    await page.waitForURL(new RegExp(`^${inject("appUrl")}/confirm-attendance\\?token=not-a-real-token$`));
    await page.getByRole("heading", { name: "Link not valid" }).waitFor();
    await page.goto(`${inject("siteUrl")}/unsubscribe?token=x`);
    await page.waitForURL(new RegExp(`^${inject("appUrl")}/unsubscribe\\?token=x$`));
    await page.getByRole("heading", { name: "Link not valid" }).waitFor();
    await context.close();
  }, 60_000);
});
