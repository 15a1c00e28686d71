// The event page as social proof: members see who is going (honouring "show me on guest lists"),
// a capacity bar and a share button; admins upload a cover image that the page then shows.
import type { Browser, Page } from "playwright-core";
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

// A 2×1 PNG (red, blue).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAFAAH/1RzcAAAAAElFTkSuQmCC",
  "base64",
);

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/sign-in?redirect=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === to);
}

describe("guest list, capacity, share and cover", () => {
  test("members see who is going except those who hid themselves; a capacity bar; share copies the link", async () => {
    const admin = await createAccount("Ada Guest", uniqueEmail("ada"));
    const mia = await createAccount("Mia Visible", uniqueEmail("mia"));
    const hal = await createAccount("Hal Hidden", uniqueEmail("hal"));
    const org = await createOrgWithMembers(admin, [mia, hal], "E2E Guests");
    const title = `Guests night ${Date.now().toString(36)}`;
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      ...eventForm({ title, capacity: 40 }),
    });
    await admin.client.mutation(api.events.mutations.publishEvent, { eventId });
    for (const who of [admin, mia, hal])
      await who.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });

    // Hal turns "Show me on guest lists" off in the privacy settings.
    const halPage = await newPage(browser);
    await signIn(halPage.page, hal.email, "/settings");
    const toggle = halPage.page.getByRole("checkbox", { name: "Show me on guest lists" });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    // The choice saves itself.
    await halPage.page.getByTestId("privacy-status").getByText("Saved.").waitFor();
    await expect
      .poll(async () => (await hal.client.query(api.profiles.queries.getMyProfile, {}))?.privacy.guestList, {
        timeout: 20_000,
      })
      .toBe(false);
    await halPage.context.close();

    const { context, page } = await newPage(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, mia.email, `/events/${eventId}`);
    const guests = page.getByRole("region", { name: "Who's going · 3" });
    await guests.getByText("Ada Guest").waitFor();
    await guests.getByText("Mia Visible").waitFor();
    expect(await guests.getByText("Hal Hidden").count()).toBe(0);
    await guests.getByText("and 1 other").waitFor();
    await page.getByTestId("capacity").filter({ hasText: "3 of 40" }).waitFor();
    expect(await page.getByRole("meter", { name: "Seats taken" }).getAttribute("aria-valuenow")).toBe("3");
    await page.screenshot({ path: "e2e/artifacts/guest-list-1280.png", fullPage: true });

    await page.getByRole("button", { name: "Share" }).click();
    await page.getByText("Link copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/events/${eventId}$`));
    await context.close();

    // Signed out: no guest list (members only), the count and the bar still show.
    const visitor = await newPage(browser);
    await visitor.page.goto(`/events/${eventId}`);
    await visitor.page.getByTestId("capacity").filter({ hasText: "3 of 40" }).waitFor();
    expect(await visitor.page.getByRole("region", { name: /Who's going/ }).count()).toBe(0);
    await visitor.context.close();
  });

  test("a very long name wraps to two lines on a phone, whole in its tooltip, and pushes nothing aside", async () => {
    const longName = "Maximiliana Alexandrovna Konstantinopolskaya-Wolfeschlegelsteinhausen";
    const admin = await createAccount("Ada Long", uniqueEmail("adal"));
    const max = await createAccount(longName, uniqueEmail("max"));
    const org = await createOrgWithMembers(admin, [max], "E2E Long");
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      ...eventForm({ title: "Long names" }),
    });
    await admin.client.mutation(api.events.mutations.publishEvent, { eventId });
    await max.client.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    for (const width of [375, 1280]) {
      const { context, page } = await newPage(browser, { width, height: 2000 });
      await signIn(page, admin.email, `/events/${eventId}`);
      const name = page.getByRole("list", { name: "Guests" }).getByTitle(longName);
      await name.waitFor();
      const box = await name.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { right: r.right, height: r.height, line: parseFloat(getComputedStyle(el).lineHeight) };
      });
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.height).toBeLessThanOrEqual(2 * box.line + 1);
      // Nothing on the page is wider than the screen (the admin's attendee list holds the name too).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 1280) {
        // The main column keeps to its side of the RSVP column.
        await page.getByTestId("attendee").getByTitle(longName).waitFor();
        const mainRight = await page
          .getByRole("heading", { name: "About this event" })
          .evaluate((el) => el.getBoundingClientRect().right);
        const asideLeft = await page
          .getByRole("complementary", { name: "RSVP" })
          .evaluate((el) => el.getBoundingClientRect().left);
        expect(mainRight).toBeLessThanOrEqual(asideLeft);
      } else await page.screenshot({ path: "e2e/artifacts/guest-list-long-name-375.png", fullPage: true });
      await context.close();
    }
  });

  test("an admin uploads a cover: the server refuses a file that isn't an image, the image shows on the page", async () => {
    const admin = await createAccount("Ada Cover", uniqueEmail("cover"));
    const org = await createOrgWithMembers(admin, [], "E2E Cover");
    const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
      orgId: org.orgId,
      ...eventForm({ title: "Covered" }),
    });
    await admin.client.mutation(api.events.mutations.publishEvent, { eventId });

    const { context, page } = await newPage(browser);
    await signIn(page, admin.email, `/events/${eventId}/edit`);
    const input = page.locator("input[type=file]");
    await page.getByRole("button", { name: "Upload cover image" }).waitFor();
    // Named like a PNG, but it isn't one: the server reads the bytes and refuses it.
    await input.setInputFiles({
      name: "fake.png",
      mimeType: "image/png",
      buffer: Buffer.from("<svg onload=alert(1)>"),
    });
    await page.getByRole("alert").filter({ hasText: "Use a PNG, JPEG, WebP or GIF image." }).waitFor();

    await input.setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("Image saved.").waitFor();
    await page.goto(`/events/${eventId}`);
    const cover = page.getByTestId("event-cover");
    await cover.waitFor();
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBe(2);
    await context.close();
  });
});
