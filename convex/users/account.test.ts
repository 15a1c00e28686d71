// Account lifecycle: profile at sign-up, password reset and change, and deleting an account.
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { createEventAs, createOrgAs, joinOrg } from "../test.fixtures";
import { newTest, type TestBackend } from "../test.setup";

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  vi.stubEnv("JWT_PRIVATE_KEY", (await exportPKCS8(privateKey)).trimEnd().replace(/\n/g, " "));
  vi.stubEnv("JWKS", JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), use: "sig" }] }));
  vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
  vi.stubEnv("SITE_URL", "http://127.0.0.1:3000");
  vi.stubEnv("AUTH_LOG_LEVEL", "WARN");
});

const PASSWORD = "correct-horse-1";

async function signUp(t: TestBackend, email: string, timezone?: string) {
  await t.action(api.auth.signIn, {
    provider: "password",
    params: { flow: "signUp", email, password: PASSWORD, name: "Ada", ...(timezone ? { timezone } : {}) },
  });
  return await t.run(
    async (ctx) =>
      (await ctx.db
        .query("users")
        .withIndex("email", (q) => q.eq("email", email))
        .unique())!,
  );
}

function signIn(t: TestBackend, email: string, password = PASSWORD) {
  return t.action(api.auth.signIn, { provider: "password", params: { flow: "signIn", email, password } });
}

async function lastResetCode(t: TestBackend, email: string) {
  const row = await t.run(
    async (ctx) =>
      (await ctx.db.query("emails").order("desc").collect()).find((e) => e.to === email && e.kind === "account") ??
      null,
  );
  return row === null ? null : { code: /\b(\d{8})\b/.exec(row.text)![1]!, row };
}

describe("profile at sign-up", () => {
  test("the browser's zone becomes the profile's at once, by its current name", async () => {
    const t = newTest();
    const user = await signUp(t, "ada@example.com", "Asia/Calcutta");
    const profile = await t.run(async (ctx) =>
      ctx.db
        .query("profiles")
        .withIndex("by_user", (q) => q.eq("userId", user._id))
        .unique(),
    );
    expect(profile?.timezone).toBe("Asia/Kolkata");
    expect(profile?.notificationPreferences.timezone).toBe("Asia/Kolkata");
    // The file's first sign-up also loads the auth modules and hashes with scrypt: slow under load.
  }, 60_000);

  test("a bad zone falls back to UTC rather than failing the sign-up", async () => {
    const t = newTest();
    const user = await signUp(t, "bob@example.com", "Mars/Olympus");
    const profile = await t.run(async (ctx) =>
      ctx.db
        .query("profiles")
        .withIndex("by_user", (q) => q.eq("userId", user._id))
        .unique(),
    );
    expect(profile?.timezone).toBe("UTC");
  });
});

describe("password reset", () => {
  test("a code by email sets a new password; the old one stops working", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    await t.action(api.auth.signIn, { provider: "password", params: { flow: "reset", email: "ada@example.com" } });
    const sent = await lastResetCode(t, "ada@example.com");
    expect(sent).not.toBeNull();
    expect(sent!.row.html).toContain(sent!.code);
    await expect(
      t.action(api.auth.signIn, {
        provider: "password",
        params: { flow: "reset-verification", email: "ada@example.com", code: "00000000", newPassword: "new-horse-22" },
      }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "code" } });
    const done = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "reset-verification", email: "ada@example.com", code: sent!.code, newPassword: "new-horse-22" },
    });
    expect(done.tokens).toBeTruthy();
    await expect(signIn(t, "ada@example.com")).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
    expect((await signIn(t, "ada@example.com", "new-horse-22")).tokens).toBeTruthy();
  });

  test("an unknown email answers alike and sends nothing; requests are rate-limited per email", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    const unknown = await t.action(api.auth.signIn, {
      provider: "password",
      params: { flow: "reset", email: "nobody@example.com" },
    });
    expect(unknown.tokens ?? null).toBeNull();
    expect(await lastResetCode(t, "nobody@example.com")).toBeNull();
    const reset = () =>
      t.action(api.auth.signIn, { provider: "password", params: { flow: "reset", email: "ada@example.com" } });
    for (let i = 0; i < 3; i++) await reset();
    await expect(reset()).rejects.toMatchObject({ data: { code: "RATE_LIMITED" } });
  });
});

describe("change password", () => {
  test("needs the current password", async () => {
    const t = newTest();
    const user = await signUp(t, "ada@example.com");
    const session = await t.run(async (ctx) => (await ctx.db.query("authSessions").first())!);
    const ada = t.withIdentity({ subject: `${user._id}|${session._id}` });
    await expect(
      ada.action(api.users.account.changePassword, { currentPassword: "wrong-horse-9", newPassword: "new-horse-22" }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "currentPassword" } });
    await expect(
      ada.action(api.users.account.changePassword, { currentPassword: PASSWORD, newPassword: "short" }),
    ).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT", field: "newPassword" } });
    await ada.action(api.users.account.changePassword, { currentPassword: PASSWORD, newPassword: "new-horse-22" });
    expect((await signIn(t, "ada@example.com", "new-horse-22")).tokens).toBeTruthy();
  });
});

describe("deleting an account", () => {
  test("refused while the only admin of an org; allowed once another admin is appointed", async () => {
    vi.useFakeTimers();
    const t = newTest();
    const admin = await signUp(t, "ada@example.com");
    const other = await signUp(t, "bob@example.com");
    const ada = t.withIdentity({ subject: `${admin._id}|s` });
    const bob = t.withIdentity({ subject: `${other._id}|s` });
    const { orgId } = await createOrgAs(ada, { name: "Berlin Hub" });
    await joinOrg(ada, bob, orgId);
    expect(await ada.query(api.users.account.accountDeletionCheck, {})).toMatchObject({
      memberships: 1,
      soleAdminOrgs: [{ name: "Berlin Hub" }],
    });
    await expect(ada.mutation(api.users.account.deleteAccount, {})).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
    expect(await t.run(async (ctx) => ctx.db.get("users", admin._id))).not.toBeNull();
    await ada.mutation(api.orgs.mutations.promoteMember, { orgId, userId: other._id });
    await ada.mutation(api.users.account.deleteAccount, {});
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const left = await t.run(async (ctx) => ({
      user: await ctx.db.get("users", admin._id),
      org: await ctx.db.get("organizations", orgId),
      memberships: await ctx.db
        .query("orgMemberships")
        .withIndex("by_user", (q) => q.eq("userId", admin._id))
        .collect(),
      profiles: await ctx.db
        .query("profiles")
        .withIndex("by_user", (q) => q.eq("userId", admin._id))
        .collect(),
      accounts: await ctx.db
        .query("authAccounts")
        .withIndex("userIdAndProvider", (q) => q.eq("userId", admin._id))
        .collect(),
    }));
    expect(left).toMatchObject({ user: null, memberships: [], profiles: [], accounts: [] });
    expect(left.org?.memberCount).toBe(1);
    await expect(signIn(t, "ada@example.com")).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
    vi.useRealTimers();
  });

  test("a going member's seat goes to the first on the waitlist; their RSVP rows are gone", async () => {
    vi.useFakeTimers();
    const t = newTest();
    const a = await signUp(t, "ada@example.com");
    const b = await signUp(t, "bob@example.com");
    const c = await signUp(t, "cy@example.com");
    const [ada, bob, cy] = [a, b, c].map((u) => t.withIdentity({ subject: `${u._id}|s` }));
    const { orgId } = await createOrgAs(ada!);
    await joinOrg(ada!, bob!, orgId);
    await joinOrg(ada!, cy!, orgId);
    const eventId = await createEventAs(ada!, orgId, { capacity: 1 });
    await bob!.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await cy!.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    const statusOf = (userId: Id<"users">) =>
      t.run(async (ctx) =>
        ctx.db
          .query("eventAttendance")
          .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
          .unique(),
      );
    expect((await statusOf(c._id))?.rsvpStatus).toBe("waitlisted");
    await bob!.mutation(api.users.account.deleteAccount, {});
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(await statusOf(b._id)).toBeNull();
    expect((await statusOf(c._id))?.rsvpStatus).toBe("going");
    const event = await t.run(async (ctx) => ctx.db.get("events", eventId));
    expect(event).toMatchObject({ goingCount: 1, waitlistCount: 0 });
    vi.useRealTimers();
  });
});
