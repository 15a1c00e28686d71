import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { createAccount, createOrgWithMembers, type Account } from "./backend";
import { launchBrowser, newPage, screenshotOnFailure, signInToHome, uniqueEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Accounts for `names`, a few sign-ups at a time. */
async function accounts(names: string[]): Promise<Account[]> {
  const out: Account[] = [];
  for (let i = 0; i < names.length; i += 8) {
    const batch = names.slice(i, i + 8);
    out.push(...(await Promise.all(batch.map((name, j) => createAccount(name, uniqueEmail(`eng${i + j}`))))));
  }
  return out;
}

describe("engagement", () => {
  test("an admin recomputes (the rule scorer, labelled, with live progress), overrides a member with a reason, sees it in the history and clears it; a member is turned away", async () => {
    const adminAccount = await createAccount("Ada Organizer", uniqueEmail("ada"));
    // More members than one page of the list (10 per level); all join through one link.
    const members = await accounts(["Zed Override", ...Array.from({ length: 11 }, (_, i) => `Member ${i + 1}`)]);
    const org = await createOrgWithMembers(adminAccount, [], "E2E Engage");
    const { token } = await adminAccount.client.mutation(api.orgs.invites.createInvite, { orgId: org.orgId });
    for (const member of members) await member.client.mutation(api.orgs.invites.joinByInvite, { token });

    const { page } = await newPage(browser);
    await signInToHome(page, adminAccount.email);
    await page.goto(`/org/${org.slug}`);
    await page
      .getByRole("navigation", { name: `${org.name} sections` })
      .getByRole("link", { name: "Engagement" })
      .click();
    await page.waitForURL(new RegExp(`/org/${org.slug}/engagement$`));

    // Nothing scored yet: the empty states.
    await page.getByRole("heading", { name: "Level distribution" }).waitFor();
    await page.getByText("No scores yet").waitFor();
    await page.getByText("No run yet.").waitFor();

    // Recompute now: the progress bar shows while it runs, then the finished run and its cost.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="run-progress"] [role="progressbar"]')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole("button", { name: "Recompute now" }).click();
    const lastRun = page.getByTestId("last-run");
    await screenshotOnFailure(page, "engagement-run", () => lastRun.waitFor({ timeout: 60_000 }));
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    await lastRun.getByText("Last run finished").waitFor();
    await lastRun.getByText("No Anthropic API key is configured, so the rule-based scorer ran.").waitFor();
    expect(await lastRun.getByTestId("run-cost").textContent()).toBe("$0.00");
    const runRow = page.getByTestId("run-row").first();
    await runRow.getByText("Finished").waitFor();
    await runRow.getByText("no API key").waitFor();

    // The distribution and the members, grouped by level and paginated by the server.
    await page.getByText("13 members scored", { exact: false }).waitFor();
    const inactive = page.getByRole("list", { name: "Inactive members" });
    await inactive.waitFor();
    expect(await inactive.getByTestId("engagement-row").count()).toBe(10);
    await page.getByRole("button", { name: "More inactive members" }).waitFor();

    // An override: the reason is required (shown next to the field), then it wins.
    const row = page.getByTestId("engagement-row").filter({ hasText: "Zed Override" });
    const computed = await row.getByTestId("score").textContent();
    await row.getByRole("button", { name: "Override Zed Override's level" }).click();
    const dialog = page.getByRole("dialog", { name: "Override the level" });
    await dialog.getByLabel("Level", { exact: true }).selectOption({ label: "Highly engaged" });
    await dialog.getByRole("button", { name: "Save override" }).click();
    const reason = dialog.getByLabel("Reason", { exact: true });
    await dialog.getByText("Say why you are setting this level.").waitFor();
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    await reason.fill("Runs our reading group, which is not tracked as events yet.");
    await dialog.getByRole("button", { name: "Save override" }).click();
    await dialog.waitFor({ state: "detached" });

    const overridden = page
      .getByRole("list", { name: "Highly engaged members" })
      .getByTestId("engagement-row")
      .filter({ hasText: "Zed Override" });
    await overridden.getByText("Set by an admin").waitFor();
    await overridden.getByText("Runs our reading group, which is not tracked as events yet.").waitFor();
    expect(await overridden.getByTestId("computed-score").textContent()).toBe(`score ${computed}`);
    await page.getByTestId("level-count-highly_engaged").getByText("1", { exact: true }).waitFor();

    // The source filter lists only overrides.
    await page.getByLabel("Source").selectOption({ label: "Overrides" });
    await page.getByRole("list", { name: "Highly engaged members" }).waitFor();
    expect(await page.getByTestId("engagement-row").count()).toBe(1);
    await page.getByLabel("Source").selectOption({ label: "All sources" });

    // The history shows the computed level and the override with its reason.
    await overridden.getByRole("button", { name: "Zed Override's history" }).click();
    const history = page.getByRole("dialog", { name: "Zed Override's engagement history" });
    const timeline = history.getByRole("list", { name: "Engagement history" });
    await timeline.getByText("Override by Ada Organizer").waitFor();
    await timeline.getByText("Scored by the rules").waitFor();
    await timeline.getByText("“Runs our reading group, which is not tracked as events yet.”").waitFor();
    await page.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });

    // Clearing it puts the member back at the computed level; the history says so.
    await overridden.getByRole("button", { name: "Clear Zed Override's override" }).click();
    const back = inactive.getByTestId("engagement-row").filter({ hasText: "Zed Override" });
    await back.getByText("Rule-based score").waitFor();
    await page.getByTestId("level-count-highly_engaged").getByText("0", { exact: true }).waitFor();
    await back.getByRole("button", { name: "Zed Override's history" }).click();
    await history.getByText("Override cleared by Ada Organizer").waitFor();

    // A member gets the admins-only state.
    const other = await newPage(browser);
    await signInToHome(other.page, members[1]!.email);
    await other.page.goto(`/org/${org.slug}/engagement`);
    await other.page.getByRole("heading", { name: `Only admins of ${org.name} can see this page` }).waitFor();
    expect(await other.page.getByRole("heading", { name: "Level distribution" }).count()).toBe(0);
    expect(
      await other.page
        .getByRole("navigation", { name: `${org.name} sections` })
        .getByRole("link", { name: "Engagement" })
        .count(),
    ).toBe(0);
  }, 180_000);
});
