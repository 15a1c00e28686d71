// Authorization matrix. Finds every public query, mutation and action of the app by itself
// (from the same `modules` map convex-test runs) and checks who may call it. What to expect of a
// function comes from the builder that defined it (convex/lib/functions.ts records its access
// level); a public function defined without one fails the first test, so nothing slips by.
// Each function needs a rule below that builds its arguments, and is called with them: a rule
// whose arguments fail validation fails. Only a library function that cannot run under
// convex-test is left uncalled, and LIBRARY says why.
//
// Callers, each in a fresh world, once with orgA public and once with orgA private:
//   anonymous      signed out
//   outsider       signed in, in no org
//   otherOrgAdmin  admin of a different org (orgB)
//   member         plain member of orgA
//   admin          admin of orgA
//   leftMember     was a member of orgA, RSVP'd going to its event, and left
//   removedMember  was a member of orgA, RSVP'd going to its event, and was removed
// A former member is an outsider again: they get what an outsider gets (unless a rule says
// otherwise), and nothing private, even with an RSVP row left behind.
// Defaults by level: "public" lets everyone in; "user" refuses only anonymous; "orgMember" and
// "eventMember" also refuse outsider and otherOrgAdmin; "orgAdmin" and "eventAdmin" also refuse
// member.
//
// Beyond the refusal codes:
// - a refused call writes nothing (every table, scheduled functions included, is compared);
// - an allowed call returns nothing the caller may not see (the JSON is scanned for the world's
//   secrets): other people's email addresses (admins may see those shared with them), invite
//   tokens, another member's calendar token, drafts and the online link (admins only), and, when
//   orgA is private, anything identifying orgA or its events (members only).
import { makeFunctionReference } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { accessLevelOf, declaredArgsOf, type AccessLevel } from "./lib/functions";
import type { ErrorCode } from "./lib/errors";
import schema from "./schema";
import { createEventAs, createOrgAs, eventForm, joinOrg } from "./test.fixtures";
import { modules, newTest, signedInUser, type TestBackend } from "./test.setup";

type Kind = "query" | "mutation" | "action";
type BaseCallerName = "anonymous" | "outsider" | "otherOrgAdmin" | "member" | "admin";
type CallerName = BaseCallerName | "leftMember" | "removedMember";
type Visibility = "public" | "private";
type Outcome = "ok" | ErrorCode[];
type Overrides = Partial<Record<CallerName, Outcome>>;
type Rule = {
  args: (w: World) => Record<string, unknown>;
  /**
   * Why anyone may call it. Required for public functions, and for public or signed-in-user
   * functions that take an orgId or eventId (they answer for an org without being scoped to it).
   */
  reason?: string;
  /** Overrides of the level's defaults, in both worlds. */
  expect?: Overrides;
  /** Overrides when orgA is private (on top of `expect`). */
  whenPrivate?: Overrides;
  /** What the function shows by design to callers outside a private orgA (the org check is off). */
  reveals?: string;
};

/** Functions defined by libraries (not with our builders): their level is stated here. */
const LIBRARY: Record<string, { access: AccessLevel; notCalled?: string }> = {
  "auth:signIn": {
    access: "public",
    notCalled: "runs provider flows that need HTTP and signing keys; covered by the auth flows in the browser tests",
  },
  "auth:signOut": { access: "public" },
  "auth:isAuthenticated": { access: "public" },
};

const REFUSED: ErrorCode[] = ["FORBIDDEN", "NOT_FOUND"];
const MEMBER_DEFAULTS: Record<BaseCallerName, Outcome> = {
  anonymous: ["UNAUTHENTICATED"],
  outsider: REFUSED,
  otherOrgAdmin: REFUSED,
  member: "ok",
  admin: "ok",
};
const ADMIN_DEFAULTS: Record<BaseCallerName, Outcome> = { ...MEMBER_DEFAULTS, member: ["FORBIDDEN"] };
const DEFAULTS: Record<AccessLevel, Record<BaseCallerName, Outcome>> = {
  public: { anonymous: "ok", outsider: "ok", otherOrgAdmin: "ok", member: "ok", admin: "ok" },
  user: { anonymous: ["UNAUTHENTICATED"], outsider: "ok", otherOrgAdmin: "ok", member: "ok", admin: "ok" },
  orgMember: MEMBER_DEFAULTS,
  eventMember: MEMBER_DEFAULTS,
  orgAdmin: ADMIN_DEFAULTS,
  eventAdmin: ADMIN_DEFAULTS,
};

// A private org's id (and anything in it) does not exist for anyone outside it.
const hiddenOrg: Overrides = { outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"] };
const PRIVATE_DEFAULTS: Partial<Record<AccessLevel, Overrides>> = {
  orgMember: hiddenOrg,
  eventMember: hiddenOrg,
  orgAdmin: hiddenOrg,
  eventAdmin: hiddenOrg,
};

const page = { numItems: 10, cursor: null };
/** The 8-byte PNG signature and a header chunk: enough for the server's type check. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const notInPrivateOrg: Overrides = {
  outsider: ["NOT_FOUND"],
  otherOrgAdmin: ["NOT_FOUND"],
  leftMember: ["NOT_FOUND"],
  removedMember: ["NOT_FOUND"],
};
const allPrivate = { headline: false, location: false, skills: false, careerStage: false, email: false };
const hiddenFromNonMembers: Overrides = {
  anonymous: ["NOT_FOUND"],
  outsider: ["NOT_FOUND"],
  otherOrgAdmin: ["NOT_FOUND"],
};

const year = new Date().getUTCFullYear() + 1;
const programForm = {
  name: "Reading group",
  kind: "reading_group" as const,
  startDate: `${year}-03-02`,
  endDate: `${year}-04-30`,
  timezone: "Europe/London",
  enrollmentMode: "open" as const,
  countExcused: true,
};
const seriesForm = {
  firstDate: `${year}-03-02`,
  startTime: "18:30",
  durationMinutes: 90,
  rrule: "FREQ=WEEKLY;COUNT=3",
  exdates: [],
};

const RULES: Record<string, Rule> = {
  // auth (from @convex-dev/auth; `store` is an internal mutation, so not listed)
  "auth:signIn": {
    reason: "the sign-in endpoint itself; protected by credentials, not by a session",
    args: () => ({}),
  },
  "auth:signOut": { reason: "ends the caller's own session; a no-op when signed out", args: () => ({}) },
  "auth:isAuthenticated": { reason: "tells the caller whether they are signed in", args: () => ({}) },
  // users
  "users/queries:viewer": {
    reason: "answers null when signed out; returns only the caller's own account",
    args: () => ({}),
  },
  "users/mutations:updateName": { args: () => ({ name: "New Name" }) },
  "users/account:accountDeletionCheck": { args: () => ({}) },
  // The only admin of an org (otherOrgAdmin of orgB) must appoint another first; orgA has two.
  "users/account:deleteAccount": { args: () => ({}), expect: { otherOrgAdmin: ["CONFLICT"] } },
  // Called with a too-short new password: refused before any credential is touched.
  "users/account:changePassword": {
    args: () => ({ currentPassword: "not-the-password-1", newPassword: "short" }),
    expect: {
      outsider: ["INVALID_ARGUMENT", "CONFLICT"],
      otherOrgAdmin: ["INVALID_ARGUMENT", "CONFLICT"],
      member: ["INVALID_ARGUMENT", "CONFLICT"],
      admin: ["INVALID_ARGUMENT", "CONFLICT"],
      leftMember: ["INVALID_ARGUMENT", "CONFLICT"],
      removedMember: ["INVALID_ARGUMENT", "CONFLICT"],
    },
  },
  // profiles
  "profiles/queries:getMyProfile": { args: () => ({}) },
  "profiles/mutations:updateMyProfile": { args: () => ({ name: "Someone", skills: ["ml"], timezone: "Europe/Paris" }) },
  "profiles/mutations:updateNotificationPreferences": {
    args: () => ({ preferences: { matchAlerts: { enabled: true }, weeklyDigest: { enabled: true }, timezone: "UTC" } }),
  },
  "profiles/mutations:updatePrivacy": { args: () => ({ privacy: allPrivate, shareLocationForSuggestions: false }) },
  // orgs: pages and discovery
  "orgs/queries:getOrgBySlug": {
    reason: "public org pages render for anyone, signed out too; private orgs answer NOT_FOUND to non-members",
    args: (w) => ({ slug: w.orgASlug }),
    whenPrivate: hiddenFromNonMembers,
  },
  "orgs/queries:searchOrgs": {
    reason: "discovery works signed out and only ever returns public orgs",
    args: () => ({ query: "hub", paginationOpts: page }),
  },
  "orgs/queries:checkSlugAvailable": { args: () => ({ slug: "some-slug" }) },
  "orgs/queries:myOrgs": { args: () => ({}) },
  "orgs/queries:suggestOrgsNearMe": { args: () => ({}) },
  "orgs/queries:listMembers": { args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  // orgs: management
  "orgs/mutations:createOrg": { args: () => ({ name: "New", slug: "brand-new", visibility: "public" }) },
  "orgs/mutations:updateOrg": { args: (w) => ({ orgId: w.orgA, name: "Renamed", visibility: "private" }) },
  "orgs/mutations:promoteMember": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "orgs/mutations:demoteMember": { args: (w) => ({ orgId: w.orgA, userId: w.admin2Id }) },
  "orgs/mutations:removeMember": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "orgs/mutations:leaveOrg": { args: (w) => ({ orgId: w.orgA }) },
  // joining public orgs
  "orgs/joining:joinOrg": {
    reason: "anyone signed in may join a public org (or ask to); members get their membership back unchanged",
    args: (w) => ({ orgId: w.orgA }),
    whenPrivate: notInPrivateOrg,
  },
  "orgs/joining:cancelJoinRequest": {
    reason: "withdraws only the caller's own request; private orgs take no requests",
    args: (w) => ({ orgId: w.orgA }),
    whenPrivate: { ...notInPrivateOrg, member: ["NOT_FOUND"], admin: ["NOT_FOUND"] },
  },
  "orgs/joining:listJoinRequests": { args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  "orgs/joining:approveJoinRequest": { args: (w) => ({ orgId: w.orgA, requestId: w.requestId }) },
  "orgs/joining:declineJoinRequest": { args: (w) => ({ orgId: w.orgA, requestId: w.requestId }) },
  // images
  "images/functions:generateUploadUrl": { args: () => ({}) },
  "images/functions:setEventCover": { args: (w) => ({ eventId: w.eventId, storageId: w.storageId }) },
  "images/functions:removeEventCover": { args: (w) => ({ eventId: w.eventId }) },
  "images/functions:setOrgLogo": { args: (w) => ({ orgId: w.orgA, storageId: w.storageId }) },
  "images/functions:removeOrgLogo": { args: (w) => ({ orgId: w.orgA }) },
  // invites
  "orgs/invites:createInvite": { args: (w) => ({ orgId: w.orgA }) },
  "orgs/invites:listInvites": { args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  "orgs/invites:revokeInvite": { args: (w) => ({ orgId: w.orgA, inviteId: w.inviteId }) },
  "orgs/invites:regenerateInvite": { args: (w) => ({ orgId: w.orgA, inviteId: w.inviteId }) },
  "orgs/invites:getInvitePreview": {
    reason: "the join page shows the invite before sign-in; holding the unguessable token is the permission",
    reveals: "the org's name and address, to whoever holds the invite token",
    args: (w) => ({ token: w.token }),
  },
  "orgs/invites:joinByInvite": {
    reveals: "the org the token holder has just joined",
    args: (w) => ({ token: w.token }),
  },
  // events
  "events/queries:getEvent": {
    reason:
      "event pages of public orgs render for anyone, signed out too; private orgs' events answer NOT_FOUND to non-members",
    args: (w) => ({ eventId: w.eventId }),
    whenPrivate: hiddenFromNonMembers,
  },
  "events/queries:listOrgEvents": {
    reason: "public orgs' event lists render for anyone; private orgs answer NOT_FOUND to non-members",
    args: (w) => ({ orgId: w.orgA, when: "upcoming", paginationOpts: page }),
    whenPrivate: hiddenFromNonMembers,
  },
  "events/queries:myUpcomingEvents": { args: () => ({}) },
  "events/guests:listGuests": { args: (w) => ({ eventId: w.eventId }) },
  "events/queries:myDrafts": { args: () => ({}) },
  "emails/unsubscribePage:describe": {
    reason: "the email's link works signed out: the signed token is the authority (a bad one answers a status)",
    args: () => ({ token: "not-a-token" }),
  },
  "emails/unsubscribePage:confirm": {
    reason: "the email's link works signed out: the signed token is the authority (a bad one changes nothing)",
    args: () => ({ token: "not-a-token" }),
  },
  "attendance/emailAnswer:describe": {
    reason: "the email's one-tap answer works signed out: the signed token names member, event and answer",
    args: () => ({ token: "not-a-token" }),
  },
  "attendance/emailAnswer:confirm": {
    reason: "the email's one-tap answer works signed out: the signed token names member, event and answer",
    args: () => ({ token: "not-a-token" }),
  },
  "events/queries:listAttendees": { args: (w) => ({ eventId: w.eventId, paginationOpts: page }) },
  "events/mutations:createEvent": { args: (w) => ({ orgId: w.orgA, ...eventForm(), publish: true }) },
  "events/mutations:updateEvent": { args: (w) => ({ eventId: w.eventId, ...eventForm({ title: "Edited" }) }) },
  "events/mutations:publishEvent": { args: (w) => ({ eventId: w.draftEventId }) },
  "events/mutations:cancelEvent": { args: (w) => ({ eventId: w.eventId, reason: "Venue closed" }) },
  "events/mutations:deleteEvent": { args: (w) => ({ eventId: w.draftEventId }) },
  "events/mutations:duplicateEvent": { args: (w) => ({ eventId: w.eventId }) },
  "events/mutations:rsvp": { args: (w) => ({ eventId: w.eventId, status: "going" }) },
  "events/mutations:removeRsvp": { args: (w) => ({ eventId: w.eventId, userId: w.targetId }) },
  "events/calendarTokens:getOrCreateMyCalendarToken": { args: (w) => ({ orgId: w.orgA }) },
  "events/calendarTokens:rotateMyCalendarToken": { args: (w) => ({ orgId: w.orgA }) },
  // notifications
  "notifications/queries:unreadCount": { args: () => ({}) },
  "notifications/queries:listMyNotifications": { args: () => ({ paginationOpts: page }) },
  "notifications/queries:getMyNotificationSettings": { args: () => ({}) },
  "notifications/queries:eventNotificationLog": { args: (w) => ({ eventId: w.eventId, paginationOpts: page }) },
  "notifications/mutations:markRead": {
    args: (w) => ({ notificationId: w.memberNotificationId }),
    // Only the owner (member) may mark it; anyone else is told it does not exist.
    expect: { outsider: ["NOT_FOUND"], otherOrgAdmin: ["NOT_FOUND"], admin: ["NOT_FOUND"] },
  },
  "notifications/mutations:markAllRead": { args: () => ({}) },
  "notifications/mutations:muteOrg": { args: (w) => ({ orgId: w.orgA }) },
  "notifications/mutations:unmuteOrg": { args: (w) => ({ orgId: w.orgA }) },
  // attendance (pastEventId ended an hour ago: check-in is open, the prompt and feedback too)
  "attendance/queries:checkInList": { args: (w) => ({ eventId: w.pastEventId, paginationOpts: page }) },
  "attendance/queries:checkInCounts": { args: (w) => ({ eventId: w.pastEventId }) },
  "attendance/queries:attendanceSheet": { args: (w) => ({ eventId: w.pastEventId, paginationOpts: page }) },
  "attendance/queries:feedbackSummary": { args: (w) => ({ eventId: w.feedbackEventId }) },
  "attendance/queries:listFeedbackComments": { args: (w) => ({ eventId: w.feedbackEventId, paginationOpts: page }) },
  "attendance/queries:myPendingPrompts": { args: () => ({}) },
  "attendance/queries:myAttendanceHistory": { args: () => ({ paginationOpts: page }) },
  "attendance/mutations:checkIn": { args: (w) => ({ eventId: w.pastEventId, userId: w.targetId }) },
  "attendance/mutations:undoCheckIn": { args: (w) => ({ eventId: w.pastEventId, userId: w.targetId }) },
  "attendance/mutations:addWalkIn": { args: (w) => ({ eventId: w.pastEventId, userId: w.admin2Id }) },
  "attendance/mutations:markAttendance": {
    args: (w) => ({ eventId: w.pastEventId, userId: w.targetId, state: "no_show" }),
  },
  "attendance/mutations:markAllGoingAttended": { args: (w) => ({ eventId: w.pastEventId }) },
  "attendance/mutations:checkInLink": { args: (w) => ({ eventId: w.pastEventId }) },
  "attendance/mutations:selfCheckIn": { args: (w) => ({ eventId: w.pastEventId, token: w.checkInToken }) },
  "attendance/mutations:answerPrompt": { args: (w) => ({ eventId: w.pastEventId, attended: true }) },
  "attendance/mutations:deferPrompt": { args: (w) => ({ eventId: w.pastEventId }) },
  "attendance/mutations:dismissPrompt": { args: (w) => ({ eventId: w.pastEventId }) },
  "attendance/mutations:submitFeedback": {
    args: (w) => ({ eventId: w.feedbackEventId, rating: 4, comment: "Great talk" }),
  },
  // engagement (admins only)
  "engagement/queries:levelDistribution": { args: (w) => ({ orgId: w.orgA }) },
  "engagement/queries:listMembersByLevel": {
    args: (w) => ({ orgId: w.orgA, level: "inactive", source: "rules", paginationOpts: page }),
  },
  "engagement/queries:memberEngagement": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "engagement/queries:memberHistory": { args: (w) => ({ orgId: w.orgA, userId: w.targetId, paginationOpts: page }) },
  "engagement/queries:latestRun": { args: (w) => ({ orgId: w.orgA }) },
  "engagement/queries:listRuns": { args: (w) => ({ orgId: w.orgA, paginationOpts: page }) },
  "engagement/queries:budget": { args: (w) => ({ orgId: w.orgA }) },
  "engagement/queries:scoringRules": { args: (w) => ({ orgId: w.orgA }) },
  "engagement/mutations:setOverride": {
    args: (w) => ({ orgId: w.orgA, userId: w.targetId, level: "engaged", reason: "Organises the socials" }),
  },
  "engagement/mutations:clearOverride": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "engagement/mutations:recomputeNow": { args: (w) => ({ orgId: w.orgA }) },
  "engagement/mutations:setBudget": { args: (w) => ({ orgId: w.orgA, monthlyBudgetUsd: 2 }) },
  // crm: directory, tags, export (admins only)
  "crm/directory:listDirectory": {
    args: (w) => ({ orgId: w.orgA, filters: { level: "unscored", sort: "joined" }, paginationOpts: page }),
  },
  "crm/tags:listTags": { args: (w) => ({ orgId: w.orgA }) },
  "crm/tags:memberTags": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "crm/tags:createTag": { args: (w) => ({ orgId: w.orgA, name: "Mentor", color: "blue" }) },
  "crm/tags:updateTag": { args: (w) => ({ orgId: w.orgA, tagId: w.tagId, name: "Speakers", color: "teal" }) },
  "crm/tags:deleteTag": { args: (w) => ({ orgId: w.orgA, tagId: w.tagId }) },
  "crm/tags:assignTag": { args: (w) => ({ orgId: w.orgA, tagId: w.tagId, userIds: [w.admin2Id] }) },
  "crm/tags:unassignTag": { args: (w) => ({ orgId: w.orgA, tagId: w.tagId, userIds: [w.targetId] }) },
  "crm/export:startExport": { args: (w) => ({ orgId: w.orgA, filters: { facet: { kind: "tag", value: w.tagId } } }) },
  "crm/export:exportChunk": { args: (w) => ({ orgId: w.orgA, exportId: w.exportId, filters: {}, cursor: null }) },
  // programs (member and target are enrolled; target has completed)
  "programs/queries:listPrograms": { args: (w) => ({ orgId: w.orgA }) },
  "programs/queries:getProgram": { args: (w) => ({ orgId: w.orgA, programId: w.programId }) },
  "programs/queries:matrix": { args: (w) => ({ orgId: w.orgA, programId: w.programId }) },
  "programs/queries:myPrograms": { args: () => ({}) },
  "programs/candidates:searchCandidates": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId, search: "Target" }),
  },
  "programs/sessions:sessionProgram": {
    reason:
      "the event page asks it for any event: it answers null (nothing) to anyone but the org's members, who see the program's name and the session's place in it",
    args: (w) => ({ eventId: w.sessionId }),
  },
  "programs/queries:certificate": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId, userId: w.targetId }),
    // A member sees only their own certificate.
    expect: { member: ["FORBIDDEN"] },
  },
  "programs/mutations:createProgram": { args: (w) => ({ orgId: w.orgA, ...programForm }) },
  "programs/mutations:updateProgram": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId, ...programForm, name: "Renamed" }),
  },
  "programs/mutations:setProgramStatus": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId, status: "completed" }),
  },
  "programs/mutations:createSeries": { args: (w) => ({ orgId: w.orgA, programId: w.programId, ...seriesForm }) },
  "programs/mutations:updateSessions": {
    args: (w) => ({
      orgId: w.orgA,
      programId: w.programId,
      eventId: w.sessionId,
      scope: "following",
      startTime: "19:00",
      durationMinutes: 60,
    }),
  },
  "programs/mutations:join": { args: (w) => ({ orgId: w.orgA, programId: w.programId }) },
  "programs/mutations:leave": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId }),
    // The admin is not in the program.
    expect: { admin: ["NOT_FOUND"] },
  },
  "programs/mutations:addParticipant": { args: (w) => ({ orgId: w.orgA, programId: w.programId, userId: w.admin2Id }) },
  "programs/mutations:removeParticipant": {
    args: (w) => ({ orgId: w.orgA, programId: w.programId, userId: w.targetId }),
  },
  // ---- CRM: member record, notes and community stats ----
  "crm/record:memberRecord": { args: (w) => ({ orgId: w.orgA, userId: w.targetId }) },
  "crm/record:memberTimeline": { args: (w) => ({ orgId: w.orgA, userId: w.targetId, paginationOpts: page }) },
  "crm/notes:addNote": { args: (w) => ({ orgId: w.orgA, userId: w.targetId, body: "Brought snacks" }) },
  "crm/notes:updateNote": { args: (w) => ({ orgId: w.orgA, noteId: w.adminNoteId, body: "Brought cake" }) },
  "crm/notes:deleteNote": { args: (w) => ({ orgId: w.orgA, noteId: w.adminNoteId }) },
  "crm/stats:communityStats": { args: (w) => ({ orgId: w.orgA, range: 30 }) },
  // ---- end CRM: member record, notes and community stats ----
  "attendance/export:exportAttendanceCsv": { args: (w) => ({ eventId: w.pastEventId }) },
  "events/publish:publishAudience": { args: (w) => ({ orgId: w.orgA }) },
  "emails/devAccount:devAccountEmails": {
    reason:
      "the development mailbox's signed-out view (password-reset codes), only on the local backend (ASTN_LOCAL_BACKEND=1); FORBIDDEN to everyone anywhere else, as here",
    args: () => ({ email: "someone@example.com" }),
    expect: {
      anonymous: ["FORBIDDEN"],
      outsider: ["FORBIDDEN"],
      otherOrgAdmin: ["FORBIDDEN"],
      member: ["FORBIDDEN"],
      admin: ["FORBIDDEN"],
      leftMember: ["FORBIDDEN"],
      removedMember: ["FORBIDDEN"],
    },
  },
  "emails/queries:devMailbox": {
    reason:
      "the development mailbox for browser tests: the caller's own emails, only on the local backend (ASTN_LOCAL_BACKEND=1); FORBIDDEN to everyone signed in anywhere else, as here",
    args: () => ({ paginationOpts: page }),
    expect: {
      outsider: ["FORBIDDEN"],
      otherOrgAdmin: ["FORBIDDEN"],
      member: ["FORBIDDEN"],
      admin: ["FORBIDDEN"],
      leftMember: ["FORBIDDEN"],
      removedMember: ["FORBIDDEN"],
    },
  },
};

type Discovered = {
  name: string;
  kind: Kind;
  level: AccessLevel | undefined;
  builtWithBuilder: boolean;
  argNames: string[];
};

/** Every exported public Convex function, as "module:export" with its kind and builder level. */
async function discoverPublicFunctions() {
  const found: Discovered[] = [];
  for (const [path, load] of Object.entries(modules)) {
    // Generated code and configuration files hold no app functions (Convex does not deploy
    // convex.config.ts as functions, and importing it outside a bundler fails).
    if (path.includes("/_generated/") || /^\.\/(convex\.config|auth\.config|schema)\.ts$/.test(path)) continue;
    const moduleName = path.replace(/^\.\//, "").replace(/\.[jt]s$/, "");
    const exports = (await load()) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      // Registered functions are functions flagged by convex/server's registration helpers.
      const fn = value as {
        isPublic?: unknown;
        isQuery?: unknown;
        isMutation?: unknown;
        isAction?: unknown;
        exportArgs?: () => string;
      };
      if (typeof value !== "function" || fn.isPublic !== true) continue;
      const kind: Kind | null =
        fn.isQuery === true ? "query" : fn.isMutation === true ? "mutation" : fn.isAction === true ? "action" : null;
      if (kind === null) continue;
      // Our builders register open args and validate the declared ones themselves.
      const declared = declaredArgsOf(value) as { kind: string; fields?: object } | undefined;
      const args =
        fn.exportArgs === undefined ? null : (JSON.parse(fn.exportArgs()) as { type: string; value?: object });
      const argNames =
        declared !== undefined
          ? declared.kind === "object" && declared.fields !== undefined
            ? Object.keys(declared.fields)
            : []
          : args?.type === "object" && args.value !== undefined
            ? Object.keys(args.value)
            : [];
      const name = `${moduleName}:${exportName}`;
      const built = accessLevelOf(value);
      found.push({
        name,
        kind,
        level: built ?? LIBRARY[name]?.access,
        builtWithBuilder: built !== undefined,
        argNames,
      });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

let userCounter = 0;

/**
 * orgA (public or private): admin, admin2, member, target (who shares their email with admins);
 * orgB: otherOrgAdmin; outsider in nothing. A published event with a capacity and a draft in
 * orgA, an invite, a notification for the member, and the admin's calendar token. The target
 * RSVP'd going; two former members (one left, one was removed) keep a going RSVP row.
 */
async function buildWorld(visibility: Visibility) {
  const t = newTest();
  const person = async (name: string) => {
    userCounter += 1;
    const email = `matrix-${userCounter}-${name.toLowerCase().replace(/\W/g, "")}@people.test`;
    return { email, ...(await signedInUser(t, { name, email })) };
  };
  const admin = await person("Admin");
  const admin2 = await person("Admin Two");
  const member = await person("Member");
  const target = await person("Target");
  const outsider = await person("Outsider");
  const otherOrgAdmin = await person("Other Admin");
  const leaver = await person("Leaver");
  const removed = await person("Removed");
  const a = await createOrgAs(admin.as, { visibility, name: `Hidden Hub ${userCounter}` });
  await createOrgAs(otherOrgAdmin.as, { name: `Elsewhere ${userCounter}` });
  for (const u of [admin2, member, target, leaver, removed]) await joinOrg(admin.as, u.as, a.orgId);
  await admin.as.mutation(api.orgs.mutations.promoteMember, { orgId: a.orgId, userId: admin2.userId });
  await target.as.mutation(api.profiles.mutations.updatePrivacy, {
    privacy: { ...allPrivate, email: true },
    shareLocationForSuggestions: false,
  });
  const { inviteId, token } = await admin.as.mutation(api.orgs.invites.createInvite, { orgId: a.orgId });
  const eventId = await createEventAs(admin.as, a.orgId, { capacity: 10 });
  const draftEventId = await createEventAs(admin.as, a.orgId, { title: "Draft" }, { publish: false });
  for (const u of [target, leaver, removed])
    await u.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
  await leaver.as.mutation(api.orgs.mutations.leaveOrg, { orgId: a.orgId });
  await admin.as.mutation(api.orgs.mutations.removeMember, { orgId: a.orgId, userId: removed.userId });
  // Leaving released their seats; a row left behind (as by an older version) must not matter.
  await t.run(async (ctx) => {
    for (const u of [leaver, removed]) {
      const row = await ctx.db
        .query("eventAttendance")
        .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", u.userId))
        .unique();
      if (row === null)
        await ctx.db.insert("eventAttendance", { eventId, userId: u.userId, rsvpStatus: "going", rsvpAt: Date.now() });
    }
  });
  const memberNotificationId = await t.run(async (ctx) =>
    ctx.db.insert("notifications", {
      userId: member.userId,
      kind: "reminder",
      title: "Hi",
      body: "",
      createdAt: Date.now(),
    }),
  );
  const adminCalendarToken = (
    await admin.as.mutation(api.events.calendarTokens.getOrCreateMyCalendarToken, { orgId: a.orgId })
  ).token;
  // Two events that ended an hour ago, with RSVPs: on the second, admin and member said they came.
  const { pastEventId, feedbackEventId } = await t.run(async (ctx) => {
    const now = Date.now();
    const event = (title: string) => ({
      orgId: a.orgId,
      title,
      eventType: "meetup" as const,
      startTime: now - 3 * 3_600_000,
      endTime: now - 3_600_000,
      timezone: "Europe/London",
      status: "published" as const,
      publishedAt: now - 86_400_000,
      goingCount: 3,
      maybeCount: 0,
      waitlistCount: 0,
      waitlistSeq: 0,
      sequence: 0,
      createdBy: admin.userId,
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000,
    });
    const pastEventId = await ctx.db.insert("events", event("Last night"));
    const feedbackEventId = await ctx.db.insert("events", event("Earlier tonight"));
    for (const u of [admin, member, target]) {
      const rsvp = { userId: u.userId, rsvpStatus: "going" as const, rsvpAt: now - 86_400_000, rsvpCounted: true };
      await ctx.db.insert("eventAttendance", { eventId: pastEventId, ...rsvp });
      const said =
        u === target
          ? {}
          : {
              selfReport: { attended: true, at: now - 60_000 },
              state: "attended" as const,
              source: "self_report" as const,
              attended: true,
            };
      await ctx.db.insert("eventAttendance", { eventId: feedbackEventId, ...rsvp, ...said });
    }
    return { pastEventId, feedbackEventId };
  });
  const checkInToken = (await admin.as.mutation(api.attendance.mutations.checkInLink, { eventId: pastEventId })).token;
  // A pending request to join orgA (written directly: a private org takes none), and an uploaded PNG.
  const requester = await person("Requester");
  const { requestId, storageId } = await t.run(async (ctx) => ({
    requestId: await ctx.db.insert("joinRequests", { orgId: a.orgId, userId: requester.userId, createdAt: Date.now() }),
    storageId: await ctx.storage.store(new Blob([PNG_BYTES], { type: "image/png" })),
  }));
  // CRM: a tag on the target and an export ticket of the admin.
  const tagId = await admin.as.mutation(api.crm.tags.createTag, { orgId: a.orgId, name: "Speaker", color: "purple" });
  await admin.as.mutation(api.crm.tags.assignTag, { orgId: a.orgId, tagId, userIds: [target.userId] });
  const { exportId } = await admin.as.mutation(api.crm.export.startExport, { orgId: a.orgId, filters: {} });
  // An open program with a series of sessions; member and target are in it, target completed it.
  const { programId } = await admin.as.mutation(api.programs.mutations.createProgram, {
    orgId: a.orgId,
    ...programForm,
  });
  await admin.as.mutation(api.programs.mutations.setProgramStatus, { orgId: a.orgId, programId, status: "active" });
  const { eventIds } = await admin.as.mutation(api.programs.mutations.createSeries, {
    orgId: a.orgId,
    programId,
    ...seriesForm,
  });
  for (const u of [member, target]) await u.as.mutation(api.programs.mutations.join, { orgId: a.orgId, programId });
  await t.run(async (ctx) => {
    const row = await ctx.db
      .query("programEnrollments")
      .withIndex("by_program_user", (q) => q.eq("programId", programId).eq("userId", target.userId))
      .unique();
    await ctx.db.patch("programEnrollments", row!._id, { completedAt: Date.now(), attended: 3 });
  });
  const adminNoteId = await admin.as.mutation(api.crm.notes.addNote, {
    orgId: a.orgId,
    userId: target.userId,
    body: "Asked about volunteering",
  });
  // Let the publish fan-outs settle, so a refused call's before/after snapshots compare alike.
  await t.finishInProgressScheduledFunctions();
  const callers: Record<CallerName, Pick<TestBackend, "query" | "mutation" | "action">> = {
    anonymous: t,
    outsider: outsider.as,
    otherOrgAdmin: otherOrgAdmin.as,
    member: member.as,
    admin: admin.as,
    leftMember: leaver.as,
    removedMember: removed.as,
  };
  const people = [admin, admin2, member, target, outsider, otherOrgAdmin, leaver, removed];
  return {
    t,
    visibility,
    callers,
    callerIds: {
      anonymous: null,
      outsider: outsider.userId,
      otherOrgAdmin: otherOrgAdmin.userId,
      member: member.userId,
      admin: admin.userId,
      leftMember: leaver.userId,
      removedMember: removed.userId,
    },
    emails: people.map((p) => ({ userId: p.userId, email: p.email, sharedWithAdmins: p === target })),
    orgA: a.orgId,
    orgASlug: a.slug,
    targetId: target.userId,
    admin2Id: admin2.userId,
    inviteId: inviteId as Id<"orgInvites">,
    token,
    adminCalendarToken,
    eventId,
    draftEventId,
    onlineUrl: eventForm().onlineUrl!,
    memberNotificationId,
    pastEventId,
    feedbackEventId,
    checkInToken,
    requestId,
    storageId,
    tagId,
    exportId,
    programId,
    sessionId: eventIds[0]!,
    adminNoteId,
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

/** What `caller` must never receive in this world (label → value). */
function secretsFor(w: World, caller: CallerName, rule: Rule): [string, string][] {
  const me = w.callerIds[caller];
  const secrets: [string, string][] = w.emails
    .filter((p) => p.userId !== me && !(caller === "admin" && p.sharedWithAdmins))
    .map((p) => [`the email of another user${p.sharedWithAdmins ? " (shared with admins only)" : ""}`, p.email]);
  if (caller !== "admin") {
    secrets.push(
      ["an invite token", w.token],
      ["the admin's calendar token", w.adminCalendarToken],
      ["a draft event", w.draftEventId],
      ["the online link (admins and going members only)", w.onlineUrl],
    );
  }
  const nonMember = caller !== "member" && caller !== "admin";
  if (w.visibility === "private" && nonMember && rule.reveals === undefined) {
    secrets.push(
      ["the private org's id", w.orgA],
      ["the private org's slug", w.orgASlug],
      ["the private org's event", w.eventId],
    );
  }
  return secrets;
}

/** Every document of every table, and the scheduled functions, to compare before and after. */
async function snapshotAll(t: TestBackend) {
  return await t.run(async (ctx) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of Object.keys(schema.tables).sort()) {
      tables[table] = await ctx.db.query(table as keyof typeof schema.tables).collect();
    }
    tables._scheduled_functions = await ctx.db.system.query("_scheduled_functions").collect();
    return tables;
  });
}

async function call(w: World, caller: CallerName, name: string, kind: Kind, args: Record<string, unknown>) {
  const as = w.callers[caller];
  if (kind === "query") return await as.query(makeFunctionReference<"query">(name), args);
  if (kind === "mutation") return await as.mutation(makeFunctionReference<"mutation">(name), args);
  return await as.action(makeFunctionReference<"action">(name), args);
}

const discovered = await discoverPublicFunctions();
const CALLERS: CallerName[] = [
  "anonymous",
  "outsider",
  "otherOrgAdmin",
  "member",
  "admin",
  "leftMember",
  "removedMember",
];
const VISIBILITIES: Visibility[] = ["public", "private"];

describe("authorization matrix", () => {
  test("every public function is defined with an access-level builder (or is a listed library function)", () => {
    expect(discovered.filter((f) => f.level === undefined).map((f) => f.name)).toEqual([]);
    // A library entry is only for functions the app does not define itself.
    expect(discovered.filter((f) => f.builtWithBuilder && f.name in LIBRARY).map((f) => f.name)).toEqual([]);
    const names = new Set(discovered.map((f) => f.name));
    expect(Object.keys(LIBRARY).filter((name) => !names.has(name))).toEqual([]);
  });

  test("every public function has a rule (add one to RULES for a new function), and every rule a function", () => {
    const names = new Set(discovered.map((f) => f.name));
    expect(discovered.map((f) => f.name).filter((name) => !(name in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((name) => !names.has(name))).toEqual([]);
  });

  test("open functions say why: public ones, and user-level ones that take an orgId or eventId", () => {
    const unexplained = discovered.filter((f) => {
      const open =
        f.level === "public" || (f.level === "user" && f.argNames.some((a) => a === "orgId" || a === "eventId"));
      return open && !RULES[f.name]?.reason;
    });
    expect(unexplained.map((f) => f.name)).toEqual([]);
  });

  const called = discovered.filter(
    (f) => f.level !== undefined && RULES[f.name] !== undefined && LIBRARY[f.name]?.notCalled === undefined,
  );
  const cases = called.flatMap((f) =>
    VISIBILITIES.flatMap((visibility) =>
      CALLERS.map((caller) => {
        const rule = RULES[f.name]!;
        const as = (c: CallerName) =>
          (visibility === "private" ? rule.whenPrivate?.[c] : undefined) ?? rule.expect?.[c];
        // A former member is expected to get what an outsider gets.
        const base: BaseCallerName = caller === "leftMember" || caller === "removedMember" ? "outsider" : caller;
        const outcome =
          as(caller) ??
          as(base) ??
          (visibility === "private" ? PRIVATE_DEFAULTS[f.level!]?.[base] : undefined) ??
          DEFAULTS[f.level!][base];
        const shown = outcome === "ok" ? "ok" : outcome.join("|");
        return {
          ...f,
          visibility,
          caller,
          rule,
          outcome,
          label: `${f.name} [${visibility} org] as ${caller} → ${shown}`,
        };
      }),
    ),
  );

  test.each(cases)("$label", async ({ name, kind, visibility, caller, rule, outcome }) => {
    const w = await buildWorld(visibility);
    const args = rule.args(w); // a rule whose args cannot be built fails here
    if (outcome === "ok") {
      // The positive control: the right caller is let in, and sees nothing that is not theirs.
      const json = JSON.stringify((await call(w, caller, name, kind, args)) ?? null);
      const leaked = secretsFor(w, caller, rule).filter(([, value]) => json.includes(value));
      expect(
        leaked.map(([label]) => label),
        `returned: ${json.slice(0, 500)}`,
      ).toEqual([]);
    } else {
      const before = await snapshotAll(w.t);
      let error: unknown = null;
      try {
        await call(w, caller, name, kind, args);
      } catch (e) {
        error = e;
      }
      expect(error, "expected the call to be refused").not.toBeNull();
      const code = (error as { data?: { code?: unknown } }).data?.code;
      // Anything but an app error (e.g. an argument validation error) means the rule is wrong.
      if (typeof code !== "string") throw error;
      expect(outcome).toContain(code);
      expect(await snapshotAll(w.t)).toEqual(before);
    }
  });
});
