import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { computeCompleteness } from "./model";

const base = { name: "Ada", skills: [] as string[], timezone: "Europe/London" };

describe("completeness", () => {
  test("five parts worth 20 each", () => {
    expect(computeCompleteness({ name: "", skills: [] })).toBe(0);
    expect(computeCompleteness({ name: "Ada", skills: [] })).toBe(20);
    expect(
      computeCompleteness({
        name: "Ada",
        headline: "Researcher",
        location: { city: "London", country: "GB" },
        skills: ["ml"],
        careerStage: "mid_career",
      }),
    ).toBe(100);
  });

  test("is recomputed on the server on every save", async () => {
    const t = newTest();
    const ada = await signedInUser(t, { email: "ada@example.com" });
    expect(await ada.as.query(api.profiles.queries.getMyProfile, {})).toBeNull();
    const first = await ada.as.mutation(api.profiles.mutations.updateMyProfile, base);
    expect(first.completeness).toBe(20);
    const full = await ada.as.mutation(api.profiles.mutations.updateMyProfile, {
      ...base,
      headline: "Interpretability researcher",
      location: { city: "London", country: "gb" },
      skills: ["Interpretability", "interpretability", " Python "],
      careerStage: "mid_career",
    });
    expect(full).toMatchObject({
      completeness: 100,
      skills: ["Interpretability", "Python"],
      location: { city: "London", country: "GB" },
      email: "ada@example.com",
    });
    // Full replace: leaving optional fields out clears them.
    expect((await ada.as.mutation(api.profiles.mutations.updateMyProfile, base)).completeness).toBe(20);
    const saved = await ada.as.query(api.profiles.queries.getMyProfile, {});
    expect(saved?.completeness).toBe(20);
    expect(saved?.headline).toBeUndefined();
  });
});

describe("defaults and settings", () => {
  test("location sharing is off and email hidden by default; preferences use the profile timezone", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const profile = await ada.as.mutation(api.profiles.mutations.updateMyProfile, base);
    expect(profile.shareLocationForSuggestions).toBe(false);
    expect(profile.privacy.email).toBe(false);
    expect(profile.notificationPreferences).toEqual({
      matchAlerts: { enabled: true },
      weeklyDigest: { enabled: true },
      timezone: "Europe/London",
      eventReminders: { enabled: true, reminderTimes: [1440, 60] },
      orgAnnouncements: { enabled: true },
      attendancePrompts: { enabled: true },
    });
  });

  test("changing the profile timezone moves email times with it (one timezone per member)", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    await ada.as.mutation(api.profiles.mutations.updateMyProfile, base);
    const moved = await ada.as.mutation(api.profiles.mutations.updateMyProfile, {
      ...base,
      timezone: "America/New_York",
    });
    expect(moved.timezone).toBe("America/New_York");
    expect(moved.notificationPreferences).toMatchObject({
      timezone: "America/New_York",
      eventReminders: { enabled: true, reminderTimes: [1440, 60] },
    });
  });

  test("notification preferences are saved (reminders unique, earliest first), creating a profile if needed", async () => {
    const t = newTest();
    const ada = await signedInUser(t, { name: "Ada" });
    await ada.as.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: {
        matchAlerts: { enabled: false },
        weeklyDigest: { enabled: true },
        timezone: "Asia/Tokyo",
        eventReminders: { enabled: true, reminderTimes: [60, 1440, 60] },
        orgAnnouncements: { enabled: false },
      },
    });
    expect(await ada.as.query(api.profiles.queries.getMyProfile, {})).toMatchObject({
      name: "Ada",
      timezone: "Asia/Tokyo",
      notificationPreferences: {
        matchAlerts: { enabled: false },
        timezone: "Asia/Tokyo",
        eventReminders: { enabled: true, reminderTimes: [1440, 60] },
        orgAnnouncements: { enabled: false },
      },
    });
  });

  test("signed-out callers are refused", async () => {
    const t = newTest();
    expect(await expectConvexError(t.query(api.profiles.queries.getMyProfile, {}))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("the member record applies the member's privacy choices", () => {
  async function world() {
    const t = newTest();
    const admin = await signedInUser(t, { name: "Admin" });
    const member = await signedInUser(t, { name: "Mia", email: "mia@example.com" });
    const other = await signedInUser(t, { name: "Other" });
    const { orgId } = await createOrgAs(admin.as);
    await joinOrg(admin.as, member.as, orgId);
    await joinOrg(admin.as, other.as, orgId);
    await member.as.mutation(api.profiles.mutations.updateMyProfile, {
      name: "Mia",
      headline: "Policy fellow",
      location: { city: "Oslo", country: "NO" },
      skills: ["policy"],
      careerStage: "early_career",
      timezone: "Europe/Oslo",
    });
    return { t, admin, member, other, orgId };
  }

  test("defaults: headline, skills, career stage visible; location and email hidden", async () => {
    const { admin, member, orgId } = await world();
    const view = await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId });
    expect(view).toEqual({
      attendance: expect.any(Object),
      userId: member.userId,
      name: "Mia",
      role: "member",
      joinedAt: expect.any(Number),
      completeness: 80, // of what the admin may see: the hidden location does not count
      headline: "Policy fellow",
      skills: ["policy"],
      careerStage: "early_career",
      shared: { headline: true, location: false, skills: true, careerStage: true, email: false },
    });
  });

  test("hiding everything leaves only the name; sharing email and location shows them", async () => {
    const { admin, member, orgId } = await world();
    const none = { headline: false, location: false, skills: false, careerStage: false, email: false };
    await member.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: none,
      shareLocationForSuggestions: false,
    });
    const hidden = await admin.as.query(api.crm.record.memberRecord, {
      orgId,
      userId: member.userId,
    });
    expect(Object.keys(hidden!).sort()).toEqual([
      "attendance",
      "completeness",
      "joinedAt",
      "name",
      "role",
      "shared",
      "userId",
    ]);
    expect(hidden!.name).toBe("Mia");
    // The member's own profile is complete, but that is not the admin's to know.
    expect(hidden!.completeness).toBe(20);

    await member.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { ...none, email: true, location: true },
      shareLocationForSuggestions: false,
    });
    expect(await admin.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId })).toMatchObject({
      email: "mia@example.com",
      location: { city: "Oslo", country: "NO" },
    });
  });

  test("fellow members and admins of other orgs cannot look", async () => {
    const { t, member, other, orgId } = await world();
    expect(
      await expectConvexError(other.as.query(api.crm.record.memberRecord, { orgId, userId: member.userId })),
    ).toMatchObject({ code: "FORBIDDEN" });
    const stranger = await signedInUser(t);
    const { orgId: strangersOrg } = await createOrgAs(stranger.as);
    // Their own org has no such member: nothing to show.
    expect(
      await stranger.as.query(api.crm.record.memberRecord, { orgId: strangersOrg, userId: member.userId }),
    ).toBeNull();
  });
});
