// Joining public orgs: a signed-out visitor's RSVP goes through sign-up, joins and RSVPs in one
// flow and lands back on the event; orgs that approve members take requests that an admin
// approves; the public page names the organizers' contact.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { eventForm } from "../convex/test.fixtures";
import { createAccount, createOrgWithMembers, PASSWORD, type Account } from "./backend";
import { launchBrowser, newPage, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publishedEvent(admin: Account, orgId: Id<"organizations">, title: string) {
  const { eventId } = await admin.client.mutation(api.events.mutations.createEvent, {
    orgId,
    ...eventForm({ title, capacity: 40 }),
  });
  await admin.client.mutation(api.events.mutations.publishEvent, { eventId });
  return eventId;
}

async function signInAt(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("joining", () => {
  test("a signed-out visitor taps Going, signs up, and is back on the event as a member who is going", async () => {
    const admin = await createAccount("Ada Host", uniqueEmail("host"));
    const org = await createOrgWithMembers(admin, [], "E2E Join");
    const title = `Open meetup ${Date.now().toString(36)}`;
    const eventId = await publishedEvent(admin, org.orgId, title);

    const { context, page } = await newPage(browser);
    await page.goto(`/events/${eventId}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("group", { name: "Your RSVP" }).getByRole("link", { name: "Going", exact: true }).click();
    await page.waitForURL(/\/sign-up\?/);
    const email = uniqueEmail("newcomer");
    await page.getByLabel("Name").fill("Nia Newcomer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL((url) => url.pathname === `/events/${eventId}`);
    await expect.poll(() => page.getByTestId("rsvp-status").textContent(), { timeout: 20_000 }).toBe("You're going");
    // The intent is used once and dropped from the address.
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await page.getByRole("region", { name: "Who's going · 1" }).getByText("Nia Newcomer").waitFor();
    await page.getByTestId("capacity").filter({ hasText: "1 of 40" }).waitFor();
    const org2 = await admin.client.query(api.orgs.queries.getOrgBySlug, { slug: org.slug });
    expect(org2.memberCount).toBe(2);
    await context.close();
  });

  test("a redirect to another site is refused: sign-in lands on the home page", async () => {
    const account = await createAccount("Rita Redirect", uniqueEmail("rita"));
    const { context, page } = await newPage(browser);
    await page.goto(`/sign-in?redirect=${encodeURIComponent("//evil.example/steal")}`);
    await signInAt(page, account.email);
    await page.waitForURL((url) => url.pathname === "/home");
    await context.close();
  });

  test("an org that approves members: ask to join, the admin approves from the pending list, access follows", async () => {
    const admin = await createAccount("Ada Approver", uniqueEmail("approver"));
    const asker = await createAccount("Ash Asker", uniqueEmail("asker"));
    const org = await createOrgWithMembers(admin, [], "E2E Request");
    await admin.client.mutation(api.orgs.mutations.updateOrg, {
      orgId: org.orgId,
      name: org.name,
      visibility: "public",
      joinPolicy: "request",
      contactUrl: "https://example.org/organizers/contact-form",
      contactEmail: "organizers@example.org",
    });

    // Signed out: the page names the organizers' contact and explains the approval.
    const visitor = await newPage(browser);
    await visitor.page.goto(`/org/${org.slug}`);
    const card = visitor.page.getByTestId("join-card");
    await card.getByText("The organizers approve new members").waitFor();
    await card.getByRole("link", { name: "organizers@example.org" }).waitFor();
    expect(await card.getByRole("link", { name: /example\.org\/organizers\/contact-form/ }).getAttribute("href")).toBe(
      "https://example.org/organizers/contact-form",
    );
    await visitor.context.close();

    const member = await newPage(browser);
    await member.page.goto(`/sign-in?redirect=${encodeURIComponent(`/org/${org.slug}`)}`);
    await signInAt(member.page, asker.email);
    await member.page.waitForURL((url) => url.pathname === `/org/${org.slug}`);
    await member.page.getByLabel(/Message to the organizers/).fill("Keen on the reading group.");
    await member.page.getByRole("button", { name: "Ask to join" }).click();
    await member.page.getByText("Request sent").waitFor();

    const adminPage = await newPage(browser);
    await adminPage.page.goto(`/sign-in?redirect=${encodeURIComponent(`/org/${org.slug}/admin`)}`);
    await signInAt(adminPage.page, admin.email);
    const requests = adminPage.page.getByRole("list", { name: "Pending requests" });
    await requests.getByText("Keen on the reading group.").waitFor();
    await adminPage.page.screenshot({ path: "e2e/artifacts/join-requests-1280.png", fullPage: true });
    await requests.getByRole("button", { name: "Approve Ash Asker" }).click();
    await adminPage.page.getByText("No pending requests").waitFor();

    // The asker's page follows at once: a member now, no join card.
    await expect.poll(() => member.page.getByTestId("join-card").count(), { timeout: 20_000 }).toBe(0);
    const page = await asker.client.query(api.orgs.queries.getOrgBySlug, { slug: org.slug });
    expect(page.viewerRole).toBe("member");
    await member.context.close();
    await adminPage.context.close();
  });

  test("an open org: a signed-in visitor joins with one click", async () => {
    const admin = await createAccount("Ada Open", uniqueEmail("open"));
    const joiner = await createAccount("Jo Joiner", uniqueEmail("jo"));
    const org = await createOrgWithMembers(admin, [], "E2E Open");
    const { context, page } = await newPage(browser, { width: 375, height: 812 });
    await page.goto(`/sign-in?redirect=${encodeURIComponent(`/org/${org.slug}`)}`);
    await signInAt(page, joiner.email);
    await page.waitForURL((url) => url.pathname === `/org/${org.slug}`);
    await page.getByRole("button", { name: `Join ${org.name}` }).click();
    await expect.poll(() => page.getByTestId("join-card").count(), { timeout: 20_000 }).toBe(0);
    expect((await joiner.client.query(api.orgs.queries.getOrgBySlug, { slug: org.slug })).viewerRole).toBe("member");
    await context.close();
  });
});
