import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { checkEventTimeRange } from "../events/validation";
import { createEventAs, createOrgAs, expectConvexError } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { requireTimezone } from "./validation";

describe("requireTimezone", () => {
  test("returns the canonical IANA spelling", () => {
    expect(requireTimezone("timezone", "europe/london")).toBe("Europe/London");
    expect(requireTimezone("timezone", " AMERICA/NEW_YORK ")).toBe("America/New_York");
    expect(requireTimezone("timezone", "utc")).toBe("UTC");
    // Legacy names (which ICU still reports) are stored by their current ones.
    expect(requireTimezone("timezone", "Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(requireTimezone("timezone", "Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(requireTimezone("timezone", "Europe/Kiev")).toBe("Europe/Kyiv");
    expect(requireTimezone("timezone", "Europe/Berlin")).toBe("Europe/Berlin");
  });

  test("profiles and events store the canonical name", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    await ada.as.mutation(api.profiles.mutations.updateMyProfile, {
      name: "Ada",
      skills: [],
      timezone: "europe/london",
    });
    const profile = await t.run(async (ctx) => ctx.db.query("profiles").first());
    expect(profile?.timezone).toBe("Europe/London");
    const { orgId } = await createOrgAs(ada.as);
    const eventId = await createEventAs(ada.as, orgId, { timezone: "asia/tokyo" }, { publish: false });
    expect((await t.run(async (ctx) => ctx.db.get("events", eventId)))?.timezone).toBe("Asia/Tokyo");
  });
});

describe("event times", () => {
  const now = Date.UTC(2026, 5, 1);

  test("lie between 2020 and five years ahead", () => {
    expect(() => checkEventTimeRange("startLocal", Date.UTC(2020, 0, 1), now)).not.toThrow();
    expect(() => checkEventTimeRange("startLocal", Date.UTC(2031, 4, 31), now)).not.toThrow();
    for (const time of [Date.UTC(2019, 11, 31, 23, 59), Date.UTC(2031, 5, 2)]) {
      try {
        checkEventTimeRange("startLocal", time, now);
        throw new Error("expected a refusal");
      } catch (error) {
        expect((error as { data?: unknown }).data).toMatchObject({ code: "INVALID_ARGUMENT", field: "startLocal" });
      }
    }
  });

  test("createEvent refuses a start before 2020 or an end more than five years ahead", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId } = await createOrgAs(ada.as);
    const far = new Date().getUTCFullYear() + 6;
    expect(
      await expectConvexError(
        createEventAs(
          ada.as,
          orgId,
          { startLocal: "2019-06-01T18:00", endLocal: "2019-06-01T20:00" },
          { publish: false },
        ),
      ),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "startLocal" });
    expect(
      await expectConvexError(
        createEventAs(
          ada.as,
          orgId,
          { startLocal: `${far}-06-01T18:00`, endLocal: `${far}-06-01T20:00` },
          { publish: false },
        ),
      ),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "startLocal" });
  });
});
