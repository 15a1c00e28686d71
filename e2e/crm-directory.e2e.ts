import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";
import { createAccount, createOrgWithMembers, PASSWORD } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, uniqueEmail } from "./browser";

const FORMULA_NAME = '=HYPERLINK("https://evil.example","Click")';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rowNames = async (page: Page) =>
  (
    await page.getByRole("table", { name: "Member directory" }).locator("tbody tr td:nth-child(2) a").allTextContents()
  ).map((name) => name.trim());

describe("member directory", () => {
  test("an admin searches, filters by level and tag (kept in the URL), opens a member and exports the CSV", async () => {
    const admin = await createAccount("Dora Director", uniqueEmail("dora"));
    const grace = await createAccount("Grace Hopper", uniqueEmail("grace"));
    const alan = await createAccount("Alan Turing", uniqueEmail("alan"));
    const edsger = await createAccount("Edsger Dijkstra", uniqueEmail("edsger"));
    const mallory = await createAccount(FORMULA_NAME, uniqueEmail("mallory"));
    const { orgId, slug } = await createOrgWithMembers(admin, [grace, alan, edsger, mallory], "E2E CRM");
    const id = async (who: typeof grace) => (await who.client.query(api.users.queries.viewer, {}))!._id as Id<"users">;
    const [graceId, alanId, edsgerId] = [await id(grace), await id(alan), await id(edsger)];
    for (const userId of [graceId, alanId]) {
      await admin.client.mutation(api.engagement.mutations.setOverride, {
        orgId,
        userId,
        level: "engaged",
        reason: "Runs the reading group",
      });
    }
    const tagId = await admin.client.mutation(api.crm.tags.createTag, { orgId, name: "Speaker", color: "purple" });
    await admin.client.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [graceId, edsgerId] });

    const { page } = await newPage(browser);
    await screenshotOnFailure(page, "crm-directory", async () => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/home$/);

      await page.goto(`/org/${slug}/members`);
      await page.getByRole("heading", { name: "Member directory" }).waitFor();
      await expect.poll(() => rowNames(page)).toHaveLength(5);

      // Search by name.
      await page.getByLabel("Search by name").fill("grace");
      await page.waitForURL(/q=grace/);
      await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper"]);
      await page.getByLabel("Search by name").fill("");
      await page.waitForURL((url) => !url.search.includes("q="));

      // Level, then tag: both land in the URL and combine.
      await page.getByLabel("Engagement level").selectOption("engaged");
      await page.waitForURL(/level=engaged/);
      await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Grace Hopper"]);
      await page.getByLabel("Filter by").selectOption("tag");
      await page.getByLabel("Tag", { exact: true }).selectOption({ label: "Speaker" });
      await page.waitForURL(new RegExp(`tag=${tagId}`));
      await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper"]);

      // A reload restores them; Back returns to the level filter alone.
      await page.reload();
      await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper"]);
      await expect.poll(() => page.getByLabel("Engagement level").inputValue()).toBe("engaged");
      await expect.poll(() => page.getByLabel("Tag", { exact: true }).inputValue()).toBe(tagId);
      await page.goBack();
      await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Grace Hopper"]);
      await page.goForward();
      await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper"]);

      // The name opens the member's record.
      await page.getByRole("link", { name: "Grace Hopper" }).click();
      await page.waitForURL(new RegExp(`/org/${slug}/members/${graceId}$`));
      await page.goBack();
      await page.getByRole("heading", { name: "Member directory" }).waitFor();

      // Export everyone: the file parses, starts with a BOM, and the formula name is escaped.
      await page.getByRole("button", { name: "Clear filters" }).first().click();
      await expect.poll(() => rowNames(page)).toHaveLength(5);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Export CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-members-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const text = readFileSync((await download.path())!, "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
      expect(rows).toHaveLength(5);
      const names = rows.map((row) => row.Name);
      expect(names).toContain(`'${FORMULA_NAME}`);
      expect(names).not.toContain(FORMULA_NAME);
      expect(rows.find((row) => row.Name === "Grace Hopper")).toMatchObject({
        Level: "Engaged",
        "Override level": "Engaged",
        Tags: "Speaker",
        Role: "Member",
      });
      await page.getByText("Exported 5 members.").waitFor();

      // A link whose tag is deleted meanwhile (or whose program never existed) keeps the other
      // filters, drops that one and says so, instead of failing the page.
      await page.goto(`/org/${slug}/members?level=engaged&tag=${tagId}`);
      await expect.poll(() => rowNames(page)).toEqual(["Grace Hopper"]);
      await admin.client.mutation(api.crm.tags.deleteTag, { orgId, tagId });
      await page.getByText("The tag in this link does not exist in this organization").waitFor();
      await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Grace Hopper"]);
      await page.goto(`/org/${slug}/members?level=engaged&program=${tagId}`);
      await page.getByText("The program in this link does not exist in this organization").waitFor();
      await expect.poll(() => rowNames(page)).toEqual(["Alan Turing", "Grace Hopper"]);
    });
  }, 180_000);
});
