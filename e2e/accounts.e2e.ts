// Accounts: the zone from the browser at sign-up (a profile at once), a taken email pointing to
// sign-in, "Forgot password?" with a code from the dev mailbox, changing the password, and
// deleting the account (blocked while an org's only admin).
import type { Browser } from "playwright-core";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers, PASSWORD } from "./backend";
import { launchBrowser, signIn, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageIn(timezoneId: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ baseURL: inject("appUrl"), viewport, timezoneId });
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

async function apiSignIn(email: string, password: string) {
  const client = new ConvexHttpClient(inject("backendUrl"), { skipConvexDeploymentUrlCheck: true, logger: false });
  const result = (await client.action(api.auth.signIn, {
    provider: "password",
    params: { email, password, flow: "signIn" },
  })) as { tokens?: { token: string } | null };
  if (!result.tokens) throw new Error("no tokens");
  client.setAuth(result.tokens.token);
  return client;
}

test("sign-up stores the browser's zone (by its current name) in a profile at once; a taken email links to sign-in", async () => {
  const email = uniqueEmail("kolkata");
  const { context, page } = await pageIn("Asia/Calcutta");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Priya");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: /Welcome, Priya/ }).waitFor();
  // Never opened Settings or Profile, and still: the profile exists, in Asia/Kolkata.
  const profile = await (await apiSignIn(email, PASSWORD)).query(api.profiles.queries.getMyProfile, {});
  expect(profile?.timezone).toBe("Asia/Kolkata");
  expect(profile?.notificationPreferences.timezone).toBe("Asia/Kolkata");
  await context.close();

  const other = await pageIn("Europe/Kiev", { width: 375, height: 800 });
  await other.page.goto("/sign-up");
  await other.page.getByLabel("Name").fill("Priya again");
  await other.page.getByLabel("Email").fill(email);
  await other.page.getByLabel("Password").fill(PASSWORD);
  await other.page.getByRole("button", { name: "Create account" }).click();
  await other.page.getByText("An account with this email already exists.").waitFor();
  await other.page.screenshot({ path: "e2e/artifacts/sign-up-taken-375.png" });
  await other.page.getByRole("link", { name: "Sign in with this email" }).click();
  await other.page.waitForURL(/\/sign-in/);
  await other.context.close();
});

test("forgot password: a code in the dev mailbox sets a new password and signs in", async () => {
  const account = await createAccount("Rosa", uniqueEmail("rosa"));
  const { context, page } = await pageIn("Europe/Berlin");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  // The sign-in page has an Email field too: wait for the reset page before typing.
  await page.getByRole("heading", { name: "Reset your password" }).waitFor();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();

  // The code, from the dev mailbox, signed out.
  const mailbox = await context.newPage();
  await mailbox.goto("/dev/mailbox");
  await mailbox.getByLabel("Sent to").fill(account.email);
  await mailbox.getByRole("button", { name: "Show" }).click();
  const subject = mailbox.getByText(/Your ASTN Orgs password reset code: \d{8}/);
  await subject.waitFor();
  const code = /(\d{8})/.exec((await subject.textContent()) ?? "")![1]!;
  await mailbox.screenshot({ path: "e2e/artifacts/dev-mailbox-reset-1280.png", fullPage: true });
  await mailbox.close();

  await page.getByLabel("Code").fill("12345678");
  await page.getByLabel("New password").fill("brand-new-horse-7");
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.getByText("This code is wrong or has expired. Ask for a new one.").waitFor();
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.getByRole("heading", { name: /Welcome, Rosa/ }).waitFor();
  await expect(apiSignIn(account.email, PASSWORD)).rejects.toThrow();
  await apiSignIn(account.email, "brand-new-horse-7");
  await context.close();
});

test("change password needs the current one; deleting is blocked while an org's only admin, then works", async () => {
  const admin = await createAccount("Olu Admin", uniqueEmail("olu"));
  const member = await createAccount("Kim Member", uniqueEmail("kim"));
  const org = await createOrgWithMembers(admin, [member], "E2E Accounts");
  const { context, page } = await pageIn("Europe/London");
  await signIn(page, member.email);
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  await page.getByRole("link", { name: "Account: Kim Member" }).click();
  await page.getByRole("heading", { name: "Account", level: 1 }).waitFor();
  await page.getByLabel("Current password").fill("not-it-at-all-1");
  await page.getByLabel("New password").fill("fresh-horse-42");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("That is not your current password.").waitFor();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("Password changed.").waitFor();
  await apiSignIn(member.email, "fresh-horse-42");
  await page.screenshot({ path: "e2e/artifacts/account-1280.png", fullPage: true });

  // The member deletes their account: gone, and the org counts one member fewer.
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(apiSignIn(member.email, "fresh-horse-42")).rejects.toThrow();
  expect((await admin.client.query(api.orgs.queries.getOrgBySlug, { slug: org.slug }))?.memberCount).toBe(1);
  await context.close();

  // The org's only admin is told to appoint another admin first.
  const phone = await pageIn("Europe/London", { width: 375, height: 800 });
  await signIn(phone.page, admin.email);
  await phone.page.getByRole("heading", { name: /Welcome/ }).waitFor();
  await phone.page.goto("/account");
  await phone.page.getByText(/You are the only admin of/).waitFor();
  expect(await phone.page.getByRole("button", { name: "Delete my account" }).isDisabled()).toBe(true);
  await phone.page.screenshot({ path: "e2e/artifacts/account-blocked-375.png", fullPage: true });
  await phone.context.close();
});
