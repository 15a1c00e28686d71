import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newPage, signUp, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

let orgCounter = 0;
/** Creates an org through the form; returns its name and address. */
async function createOrg(page: Page, prefix: string) {
  orgCounter += 1;
  const name = `${prefix} ${Date.now().toString(36)} ${orgCounter}`;
  await page.goto("/orgs/new");
  await page.getByLabel("Name").fill(name);
  // The address is suggested from the name and checked live.
  await page.getByText(/is available/).waitFor();
  const slug = await page.getByLabel("Address").inputValue();
  expect(slug).toMatch(/^[a-z0-9-]+$/);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(new RegExp(`/org/${slug}$`));
  await page.getByRole("heading", { level: 1, name }).waitFor();
  return { name, slug };
}

/** Creates an invite link on the admin page and returns the URL shown in its "Invite link" field. */
async function createInvite(page: Page, slug: string) {
  await page.goto(`/org/${slug}/admin`);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const field = page.getByLabel("Invite link", { exact: true }).first();
  await field.waitFor();
  await page.waitForFunction(
    (el) => (el as HTMLInputElement | null)?.value.includes("/join/"),
    await field.elementHandle(),
  );
  return await field.inputValue();
}

describe("organizations", () => {
  test("an invited member joins and shows up live in the admin's member list; members can't open admin pages", async () => {
    const admin = await newPage(browser);
    await signUp(admin.page, "Olive Admin", uniqueEmail("olive"));
    const org = await createOrg(admin.page, "E2E Club");

    const link = await createInvite(admin.page, org.slug);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[A-Za-z0-9_-]{40,}$/);

    // The admin keeps the member list open while someone joins elsewhere.
    await admin.page.goto(`/org/${org.slug}/members`);
    const directory = admin.page.getByRole("table", { name: "Member directory" });
    await directory.getByRole("link", { name: "Olive Admin", exact: true }).waitFor();
    expect(await directory.getByRole("link", { name: "Max Member", exact: true }).count()).toBe(0);

    // A newcomer opens the link signed out, signs up from it and comes back to join.
    const member = await newPage(browser);
    await member.page.goto(link);
    await member.page.getByRole("heading", { name: `You're invited to join ${org.name}` }).waitFor();
    await member.page.getByRole("link", { name: "Sign up to join" }).click();
    await member.page.getByLabel("Name").fill("Max Member");
    await member.page.getByLabel("Email").fill(uniqueEmail("max"));
    await member.page.getByLabel("Password").fill("correct-horse-1");
    await member.page.getByRole("button", { name: "Create account" }).click();
    await member.page.waitForURL(/\/join\//);
    await member.page.getByRole("button", { name: `Join ${org.name}` }).click();
    await member.page.waitForURL(new RegExp(`/org/${org.slug}$`));
    await member.page.getByText("You're a member").waitFor();

    // No reload on the admin's side: the subscription brings the new member in.
    await directory.getByRole("link", { name: "Max Member", exact: true }).waitFor();
    await admin.page.getByText("2 members").first().waitFor();

    // Opening the link again is harmless.
    await member.page.goto(link);
    await member.page.getByRole("heading", { name: "You're already a member" }).waitFor();

    // A member sees a clear message on the admin page, not a blank page.
    await member.page.goto(`/org/${org.slug}/admin`);
    await member.page.getByRole("heading", { name: `Only admins of ${org.name} can see this page` }).waitFor();
    expect(await member.page.getByRole("button", { name: "Create invite link" }).count()).toBe(0);

    await admin.context.close();
    await member.context.close();
  });

  test("a revoked invite link shows an explanatory page", async () => {
    const admin = await newPage(browser);
    await signUp(admin.page, "Rita Revoker", uniqueEmail("rita"));
    const org = await createOrg(admin.page, "Revoked Club");
    const link = await createInvite(admin.page, org.slug);

    await admin.page.getByRole("button", { name: "Revoke", exact: true }).click();
    await admin.page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    await admin.page.getByText("Revoked", { exact: true }).first().waitFor();

    const visitor = await newPage(browser);
    await visitor.page.goto(link);
    await visitor.page.getByRole("heading", { name: "This invite link was revoked" }).waitFor();
    await visitor.page.getByText("It can no longer be used to join.").waitFor();
    // The old link no longer shows what the org is.
    expect(await visitor.page.getByText(org.name).count()).toBe(0);
    expect(await visitor.page.getByRole("button", { name: /^Join / }).count()).toBe(0);

    // A made-up token says so too.
    await visitor.page.goto("/join/not-a-real-token");
    await visitor.page.getByRole("heading", { name: "This invite link doesn't work" }).waitFor();

    await admin.context.close();
    await visitor.context.close();
  });

  test("a bad website address on the create form is reported next to the Website field", async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    await signUp(page, "Wendy Web", uniqueEmail("wendy"));
    await page.goto("/orgs/new");
    await page.getByLabel("Name").fill(`Bad Site ${Date.now().toString(36)}`);
    await page.getByText(/is available/).waitFor();
    const website = page.getByLabel("Website");
    await website.fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Create organization" }).click();

    const message = page.getByText("Only http:// and https:// addresses are allowed.");
    await message.waitFor();
    expect(await website.getAttribute("aria-invalid")).toBe("true");
    const messageId = await message.getAttribute("id");
    expect(messageId).toBeTruthy();
    expect((await website.getAttribute("aria-describedby"))?.split(" ")).toContain(messageId);
    // Focus moves to the field so keyboard users land on it; nothing was created.
    expect(await website.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/orgs/new");
    expect(await page.getByText(/Error:|at .*\.tsx?:\d+/).count()).toBe(0);
    await context.close();
  });
});
