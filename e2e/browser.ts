// Debian's Chromium driven by playwright-core: no browser download.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: inject("appUrl"), viewport });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

let counter = 0;
/** A unique, valid email for this run. */
export function uniqueEmail(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export async function signUp(page: Page, name: string, email: string, password = "correct-horse-1") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: new RegExp(`Welcome, ${name}`) }).waitFor();
}

export async function signIn(page: Page, email: string, password = "correct-horse-1") {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the dashboard. */
export async function signInToHome(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL(/\/home$/);
}

/** Runs a test step; if it fails, saves a full-page screenshot to e2e/artifacts/<name>.png. */
export async function screenshotOnFailure<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  }
}
