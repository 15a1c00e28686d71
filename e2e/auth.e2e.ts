import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newPage, signIn, signUp, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("accounts", () => {
  test("sign up, reload, sign out, sign in: the user's name is shown", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("grace");
    await signUp(page, "Grace Hopper", email);

    await page.reload();
    await page.getByRole("heading", { name: /Welcome, Grace Hopper/ }).waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/home"));
    await page.goto("/home");
    await page.waitForURL(/\/sign-in\?redirect=%2Fhome/);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct-horse-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/home$/);
    await page.getByRole("heading", { name: /Welcome, Grace Hopper/ }).waitFor();
    await context.close();
  });

  test("wrong password, taken email and weak password show messages by the form", async () => {
    const { context, page } = await newPage(browser);
    const email = uniqueEmail("taken");
    await signUp(page, "First Owner", email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/home"));

    await signIn(page, email, "not-the-password-9");
    await page.getByText("Wrong email or password.").waitFor();

    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Second Owner");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-pass-2");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .getByText(/already exists/i)
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: "e2e/artifacts/taken-email.png" });
        throw error;
      });

    await page.getByLabel("Email").fill(uniqueEmail("weak"));
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText(/at least 8 characters/i).waitFor();
    expect(await page.getByText(/Error:|at .*\.tsx?:\d+/).count()).toBe(0);
    await context.close();
  });
});

describe("lockout", () => {
  test("after too many attempts the form says when to try again and holds the button", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(uniqueEmail("nobody"));
    await page.getByLabel("Password").fill("not-the-password-9");
    const limitedText = /Too many attempts\. Try again in \d+ (seconds?|minutes?)\./;
    const readyOrLimited = () =>
      page.waitForFunction(() => {
        const submit = document.querySelector<HTMLButtonElement>("form button[type=submit]");
        return document.body.innerText.includes("Too many attempts.") || (submit !== null && !submit.disabled);
      });
    for (let attempt = 0; attempt < 20; attempt++) {
      await readyOrLimited();
      if ((await page.getByText(limitedText).count()) > 0) break;
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
    }
    await page.getByText(limitedText).waitFor();
    expect(await page.getByRole("button", { name: "Sign in", exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText(/Error:|TooManyFailedAttempts|InvalidAccountId/).count()).toBe(0);
    await context.close();
  });
});

describe("real time", () => {
  test("a change in one browser context appears in another without a reload", async () => {
    const email = uniqueEmail("live");
    const first = await newPage(browser);
    await signUp(first.page, "Live Tester", email);
    const second = await newPage(browser);
    await signIn(second.page, email);
    await second.page.getByRole("heading", { name: /Welcome, Live Tester/ }).waitFor();

    await first.page.goto("/profile");
    await first.page.getByLabel("Name", { exact: true }).fill("Renamed Tester");
    await first.page.getByRole("button", { name: "Save profile" }).click();

    await second.page.getByRole("heading", { name: /Welcome, Renamed Tester/ }).waitFor();
    await first.context.close();
    await second.context.close();
  });
});
