import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, newPage, signUp, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a new member's first profile save is confirmed and survives a reload", async () => {
  const { context, page } = await newPage(browser);
  await signUp(page, "Rosalind Franklin", uniqueEmail("profile"));
  await page.goto("/profile");
  await page.getByLabel("Headline").fill("Crystallographer learning about AI governance");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Country").selectOption("GB");
  await page.getByRole("button", { name: "Save profile" }).click();
  await page.getByText("Profile saved.").waitFor();

  await page.reload();
  await page.getByLabel("Headline").waitFor();
  expect(await page.getByLabel("Headline").inputValue()).toBe("Crystallographer learning about AI governance");
  expect(await page.getByLabel("City").inputValue()).toBe("London");
  await context.close();
});
