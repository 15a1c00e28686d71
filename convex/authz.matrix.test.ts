// Authorization matrix. Finds every public query, mutation and action of the app by itself
// (from the same `modules` map convex-test runs) and checks who may call it. Each function needs
// a rule below; a public function without one fails the first test, so nothing slips by.
//
// Callers, each in a fresh world:
//   anonymous      signed out
//   outsider       signed in, in no org
//   otherOrgAdmin  admin of a different org (orgB)
//   member         plain member of orgA (private)
//   admin          admin of orgA
// Defaults by access level: "public" lets everyone in; "user" refuses only anonymous;
// "member" also refuses outsider and otherOrgAdmin; "admin" also refuses member.
import { makeFunctionReference } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { ErrorCode } from "./lib/errors";
import { createEventAs, createOrgAs, eventForm, expectConvexError, joinOrg } from "./test.fixtures";
import { modules, newTest, signedInUser } from "./test.setup";

type Kind = "query" | "mutation" | "action";
type CallerName = "anonymous" | "outsider" | "otherOrgAdmin" | "member" | "admin";
type Outcome = "ok" | ErrorCode[];
type Access = "public" | "user" | "member" | "admin";
type Rule = {
  access: Access;
  /** Required for "public": why anyone may call it. */
  reason?: string;
  args: (w: World) => Record<string, unknown>;
  /** Overrides of the defaults for this access level. */
  expect?: Partial<Record<CallerName, Outcome>>;
  /** Functions that cannot run meaningfully here; the reason is the coverage. */
  skipCalls?: string;
};

// orgA is private: to anyone outside it, its id (and anything in it) does not exist.
const REFUSED: ErrorCode[] = ["NOT_FOUND"];
const DEFAULTS: Record<Access, Record<CallerName, Outcome>> = {
  public: { anonymous: "ok", outsider: "ok", otherOrgAdmin: "ok", member: "ok", admin: "ok" },
  user: { anonymous: ["UNAUTHENTICATED"], outsider: "ok", otherOrgAdmin: "ok", member: "ok", admin: "ok" },
  member: { anonymous: ["UNAUTHENTICATED"], outsider: REFUSED, otherOrgAdmin: REFUSED, member: "ok", admin: "ok" },
  admin: { anonymous: ["UNAUTHENTICATED"], outsider: REFUSED, otherOrgAdmin: REFUSED, member: ["FORBIDDEN"], admin: "ok" },
};

const page = { numItems: 10, cursor: null };
const allPrivate = { headline: false, location: false, skills: false, careerStage: false, email: false };

const RULES: Record<string, Rule> = {
  // users
  "users/queries:viewer": { access: "public", reason: "answers null when signed out; returns only the caller's own account", args: () => ({}) },
  "users/mutations:updateName": { access: "user", args: () => ({ name: "New Name" }) },
  // auth (from @convex-dev/auth; `store` is an internal mutation, so not listed)
  "auth:signIn": {
    access: "public",
    reason: "the sign-in endpoint itself; protected by credentials, not by a session",
    args: () => ({}),
    skipCalls: "runs provider flows that need HTTP and secrets; covered by the auth tests",
  },
  "auth:signOut": { access: "public", reason: "ends the caller's own session; a no-op when signed out", args: () => ({}) },
  "auth:isAuthenticated": { access: "public", reason: "tells the caller whether they are signed in", args: () => ({}) },
  // profiles
  "profiles/queries:getMyProfile": { access: "user", args: () => ({}) },
  "profiles/queries:getMemberProfileForAdmin": { access: "admin", args: (w) => ({ orgId: w.orgA, userId: w.memberId }) },
  "profiles/mutations:updateMyProfile": {
    access: "user",
    args: () => ({ name: "Someone", skills: ["ml"], timezone: "Europe/Paris" }),
  },
  "profiles/mutations:updateNotificationPreferences": {
    access: "user",
    args: () => ({ preferences: { matchAlerts: { enabled: true }, weeklyDigest: { enabled: true }, timezone: "UTC" } }),
  },
  "profiles/mutations:updatePrivacy": {
    access: "user",
    args: () => ({ privacy: allPrivate, shareLocationForSuggestions: false }),
  },
  // orgs: pages and discovery
  "orgs/queries:getOrgBySlug": {
    access: "public",
    reason: "public org pages render for anyone, signed out too; private orgs (orgA here) answer NOT_FOUND to non-members",
    args: (w) => ({ slug: w.orgASlug }),
    expect: { anonymous: ["NOT_FOUND"], outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"] },
  },
  "orgs/queries:searchOrgs": {
    access: "public",
    reason: "discovery works signed out and only ever returns public orgs",
    args: () => ({ query: "org", paginationOpts: page }),
  },
  "orgs/queries:checkSlugAvailable": { access: "user", args: () => ({ slug: "some-slug" }) },
  "orgs/queries:myOrgs": { access: "user", args: () => ({}) },
  "orgs/queries:suggestOrgsNearMe": { access: "user", args: () => ({}) },
  "orgs/queries:listMembers": { access: "member", args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  // orgs: management
  "orgs/mutations:createOrg": { access: "user", args: () => ({ name: "New", slug: "brand-new", visibility: "public" }) },
  "orgs/mutations:updateOrg": { access: "admin", args: (w) => ({ orgId: w.orgA, name: "Renamed", visibility: "private" }) },
  "orgs/mutations:promoteMember": { access: "admin", args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "orgs/mutations:demoteMember": { access: "admin", args: (w) => ({ orgId: w.orgA, userId: w.admin2Id }) },
  "orgs/mutations:removeMember": { access: "admin", args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "orgs/mutations:leaveOrg": { access: "member", args: (w) => ({ orgId: w.orgA }) },
  // invites
  "orgs/invites:createInvite": { access: "admin", args: (w) => ({ orgId: w.orgA }) },
  "orgs/invites:listInvites": { access: "admin", args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  "orgs/invites:revokeInvite": { access: "admin", args: (w) => ({ orgId: w.orgA, inviteId: w.inviteId }) },
  "orgs/invites:regenerateInvite": { access: "admin", args: (w) => ({ orgId: w.orgA, inviteId: w.inviteId }) },
  "orgs/invites:getInvitePreview": {
    access: "public",
    reason: "the join page shows the invite before sign-in; holding the unguessable token is the permission",
    args: (w) => ({ token: w.token }),
  },
  "orgs/invites:joinByInvite": { access: "user", args: (w) => ({ token: w.token }) },
  // events (orgA is private: its events are hidden from non-members)
  "events/queries:getEvent": {
    access: "public",
    reason: "event pages of public orgs render for anyone, signed out too; private orgs' events (orgA here) answer NOT_FOUND to non-members",
    args: (w) => ({ eventId: w.eventId }),
    expect: { anonymous: ["NOT_FOUND"], outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"] },
  },
  "events/queries:listOrgEvents": {
    access: "public",
    reason: "public orgs' event lists render for anyone; private orgs (orgA here) answer NOT_FOUND to non-members",
    args: (w) => ({ orgId: w.orgA, when: "upcoming", paginationOpts: page }),
    expect: { anonymous: ["NOT_FOUND"], outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"] },
  },
  "events/queries:myUpcomingEvents": { access: "user", args: () => ({}) },
  "events/queries:listAttendees": { access: "admin", args: (w) => ({ eventId: w.eventId, paginationOpts: page }) },
  "events/mutations:createEvent": { access: "admin", args: (w) => ({ orgId: w.orgA, ...eventForm() }) },
  "events/mutations:updateEvent": { access: "admin", args: (w) => ({ eventId: w.eventId, ...eventForm({ title: "Edited" }) }) },
  "events/mutations:publishEvent": { access: "admin", args: (w) => ({ eventId: w.draftEventId }) },
  "events/mutations:cancelEvent": { access: "admin", args: (w) => ({ eventId: w.eventId, reason: "Venue closed" }) },
  "events/mutations:deleteEvent": { access: "admin", args: (w) => ({ eventId: w.draftEventId }) },
  "events/mutations:duplicateEvent": { access: "admin", args: (w) => ({ eventId: w.eventId }) },
  "events/mutations:rsvp": { access: "member", args: (w) => ({ eventId: w.eventId, status: "going" }) },
  "events/calendarTokens:getOrCreateMyCalendarToken": { access: "member", args: (w) => ({ orgId: w.orgA }) },
  "events/calendarTokens:rotateMyCalendarToken": { access: "member", args: (w) => ({ orgId: w.orgA }) },
  // notifications
  "notifications/queries:unreadCount": { access: "user", args: () => ({}) },
  "notifications/queries:listMyNotifications": { access: "user", args: () => ({ paginationOpts: page }) },
  "notifications/queries:getMyNotificationSettings": { access: "user", args: () => ({}) },
  "notifications/queries:eventNotificationLog": { access: "admin", args: (w) => ({ eventId: w.eventId, paginationOpts: page }) },
  "notifications/mutations:markRead": {
    access: "user",
    args: (w) => ({ notificationId: w.memberNotificationId }),
    // Only the owner (member) may mark it; anyone else is told it does not exist.
    expect: { outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"], admin: ["NOT_FOUND"] },
  },
  "notifications/mutations:markAllRead": { access: "user", args: () => ({}) },
  "notifications/mutations:muteOrg": { access: "member", args: (w) => ({ orgId: w.orgA }) },
  "notifications/mutations:unmuteOrg": { access: "member", args: (w) => ({ orgId: w.orgA }) },
  "emails/queries:devMailbox": {
    access: "public",
    reason: "the development mailbox for browser tests; it answers only on the local backend (ASTN_LOCAL_BACKEND=1) and is FORBIDDEN to everyone anywhere else, as here",
    args: () => ({ paginationOpts: page }),
    expect: { anonymous: ["FORBIDDEN"], outsider: ["FORBIDDEN"], otherOrgAdmin: ["FORBIDDEN"], member: ["FORBIDDEN"], admin: ["FORBIDDEN"] },
  },
};

/** Every exported public Convex function, as "module:export" with its kind. */
async function discoverPublicFunctions() {
  const found: { name: string; kind: Kind }[] = [];
  for (const [path, load] of Object.entries(modules)) {
    // Generated code and configuration files hold no app functions (Convex does not deploy
    // convex.config.ts as functions, and importing it outside a bundler fails).
    if (path.includes("/_generated/") || /^\.\/(convex\.config|auth\.config|schema)\.ts$/.test(path)) continue;
    const moduleName = path.replace(/^\.\//, "").replace(/\.[jt]s$/, "");
    const exports = (await load()) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      // Registered functions are functions flagged by convex/server's registration helpers.
      const fn = value as { isPublic?: unknown; isQuery?: unknown; isMutation?: unknown; isAction?: unknown };
      if (typeof value !== "function" || fn.isPublic !== true) continue;
      const kind: Kind | null =
        fn.isQuery === true ? "query" : fn.isMutation === true ? "mutation" : fn.isAction === true ? "action" : null;
      if (kind !== null) found.push({ name: `${moduleName}:${exportName}`, kind });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** orgA (private): admin, admin2, member, target; orgB: otherOrgAdmin; outsider in nothing. */
async function buildWorld() {
  const t = newTest();
  const admin = await signedInUser(t, { name: "Admin" });
  const admin2 = await signedInUser(t, { name: "Admin Two" });
  const member = await signedInUser(t, { name: "Member" });
  const target = await signedInUser(t, { name: "Target" });
  const outsider = await signedInUser(t, { name: "Outsider" });
  const otherOrgAdmin = await signedInUser(t, { name: "Other Admin" });
  const a = await createOrgAs(admin.as, { visibility: "private" });
  await createOrgAs(otherOrgAdmin.as);
  for (const u of [admin2, member, target]) await joinOrg(admin.as, u.as, a.orgId);
  await admin.as.mutation(api.orgs.mutations.promoteMember, { orgId: a.orgId, userId: admin2.userId });
  const { inviteId, token } = await admin.as.mutation(api.orgs.invites.createInvite, { orgId: a.orgId });
  const eventId = await createEventAs(admin.as, a.orgId, { capacity: 10 });
  const draftEventId = await createEventAs(admin.as, a.orgId, { title: "Draft" }, { publish: false });
  const memberNotificationId = await t.run(async (ctx) =>
    ctx.db.insert("notifications", { userId: member.userId, kind: "reminder", title: "Hi", body: "", createdAt: Date.now() }),
  );
  const callers: Record<CallerName, Pick<typeof t, "query" | "mutation" | "action">> = {
    anonymous: t,
    outsider: outsider.as,
    otherOrgAdmin: otherOrgAdmin.as,
    member: member.as,
    admin: admin.as,
  };
  return {
    callers,
    orgA: a.orgId,
    orgASlug: a.slug,
    memberId: member.userId,
    targetId: target.userId,
    admin2Id: admin2.userId,
    inviteId: inviteId as Id<"orgInvites">,
    token,
    eventId,
    draftEventId,
    memberNotificationId,
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

async function call(w: World, caller: CallerName, name: string, kind: Kind, args: Record<string, unknown>) {
  const as = w.callers[caller];
  if (kind === "query") return await as.query(makeFunctionReference<"query">(name), args);
  if (kind === "mutation") return await as.mutation(makeFunctionReference<"mutation">(name), args);
  return await as.action(makeFunctionReference<"action">(name), args);
}

const discovered = await discoverPublicFunctions();
const CALLERS: CallerName[] = ["anonymous", "outsider", "otherOrgAdmin", "member", "admin"];

describe("authorization matrix", () => {
  test("every public function has a rule (add one to RULES for a new function)", () => {
    const missing = discovered.map((f) => f.name).filter((name) => !(name in RULES));
    expect(missing).toEqual([]);
  });

  test("every rule names a public function that exists, and public rules give a reason", () => {
    const names = new Set(discovered.map((f) => f.name));
    expect(Object.keys(RULES).filter((name) => !names.has(name))).toEqual([]);
    const unexplained = Object.entries(RULES).filter(([, r]) => r.access === "public" && !r.reason);
    expect(unexplained.map(([name]) => name)).toEqual([]);
  });

  const covered = discovered.filter((f) => RULES[f.name] !== undefined && RULES[f.name]!.skipCalls === undefined);
  const cases = covered.flatMap((f) =>
    CALLERS.map((caller) => {
      const rule = RULES[f.name]!;
      const outcome = rule.expect?.[caller] ?? DEFAULTS[rule.access][caller];
      return { ...f, caller, rule, outcome, label: `${f.name} as ${caller} → ${outcome === "ok" ? "ok" : outcome.join("|")}` };
    }),
  );

  test.each(cases)("$label", async ({ name, kind, caller, rule, outcome }) => {
    const w = await buildWorld();
    const promise = call(w, caller, name, kind, rule.args(w));
    if (outcome === "ok") {
      await promise; // the positive control: the right caller is let in
    } else {
      const error = await expectConvexError(promise);
      expect(outcome).toContain(error.code);
    }
  });
});
