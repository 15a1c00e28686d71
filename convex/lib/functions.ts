// The builders every public function is defined with, one per access level. The builder runs
// the access check before the handler and hands it what the check loaded (ctx.user, ctx.org,
// ctx.membership, ctx.event), so no handler repeats the check or reads the caller twice.
// The raw `query` / `mutation` / `action` are imported here and nowhere else (ESLint enforces
// it); internal functions keep using internalQuery / internalMutation / internalAction.
//
//   publicQuery / publicMutation             anyone; ctx.viewerId is the caller's id or null
//   userQuery / userMutation / userAction    signed in; ctx.user
//   orgMemberQuery / orgMemberMutation       consume `orgId`; a member of it: ctx.user, ctx.org, ctx.membership
//   orgAdminQuery / orgAdminMutation         consume `orgId`; an admin of it
//   eventMemberQuery / eventMemberMutation   consume `eventId`; a member of its org who may see it:
//                                            ctx.user, ctx.event, ctx.org, ctx.membership
//   eventAdminQuery / eventAdminMutation     consume `eventId`; an admin of its org
//   orgAdminAction                           consume `orgId`; an admin of it (checked by an internal
//                                            query): ctx.user, ctx.orgId
//   eventAdminAction                         consume `eventId`; an admin of its org (checked by an
//                                            internal query): ctx.user, ctx.eventId, ctx.orgId
//
// A consumed argument stays part of the function's public `args` (the builder adds its
// validator); the handler no longer receives it and reads ctx.org / ctx.event instead.
// Each registered function remembers its level (accessLevelOf), which the authorization matrix
// reads to know what to expect of it.
//
// Arguments are checked here, before anything else runs, so a wrong type, a missing or an extra
// field, a negative page size or a bad page cursor answers INVALID_ARGUMENT naming the field
// (Convex's own check would throw a plain error). The function is registered with open args for
// that; its declared validator (declaredArgsOf) and the generated API types stay exact.
import { makeFunctionReference, type GenericDatabaseReader, type GenericDataModel } from "convex/server";
import { asObjectValidator, ConvexError, v, type GenericValidator, type PropertyValidators } from "convex/values";
import { validate, ValidationError } from "convex-helpers/validators";
import {
  customAction,
  customCtx,
  customCtxAndArgs,
  customMutation,
  customQuery,
} from "convex-helpers/server/customFunctions";
import type { Doc, Id } from "../_generated/dataModel";
import { action as rawAction, mutation as rawMutation, query as rawQuery, type QueryCtx } from "../_generated/server";
import {
  getMembership,
  getUserId,
  requireAccount,
  requireOrgAdmin,
  requireOrgMember,
  requireUser,
  requireUserId,
} from "./access";
import { appError, invalidArgument } from "./errors";

export type AccessLevel = "public" | "user" | "orgMember" | "orgAdmin" | "eventMember" | "eventAdmin";

const levels = new WeakMap<object, AccessLevel>();

/** The access level of a function defined with one of these builders, or undefined. */
export function accessLevelOf(fn: unknown): AccessLevel | undefined {
  return typeof fn === "function" || (typeof fn === "object" && fn !== null) ? levels.get(fn) : undefined;
}

/** Wraps a builder so that every function it defines records `level`. */
function recording<B extends (definition: never) => object>(level: AccessLevel, builder: B): B {
  return ((definition: never) => {
    const registered = builder(definition);
    levels.set(registered, level);
    return registered;
  }) as unknown as B;
}

type Reader = GenericDatabaseReader<GenericDataModel>;

const declared = new WeakMap<object, GenericValidator>();

/** The args validator a function was defined with (it is registered with open args). */
export function declaredArgsOf(fn: unknown): GenericValidator | undefined {
  return typeof fn === "function" || (typeof fn === "object" && fn !== null) ? declared.get(fn) : undefined;
}

function refuseArgs(validator: GenericValidator, args: unknown, db: Reader | undefined) {
  try {
    validate(validator, args, { throw: true, db });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const field = error.path === undefined || error.path === "" ? "args" : error.path;
    throw invalidArgument(field, `Invalid value for ${field}: expected ${error.expected}, got ${error.got}.`);
  }
  const page = (args as { paginationOpts?: { numItems?: unknown } }).paginationOpts;
  if (page !== undefined && (!Number.isInteger(page.numItems) || (page.numItems as number) < 0)) {
    throw invalidArgument("paginationOpts", "The page size must be a whole number, 0 or more.");
  }
}

type AnyDefinition = {
  args?: GenericValidator | PropertyValidators;
  returns?: unknown;
  handler: (ctx: never, args: never) => unknown;
};

/**
 * The raw builder, registering `args` as open and validating them first itself. A page cursor
 * the database rejects (from another query, or made up) is an INVALID_ARGUMENT too.
 */
function validatingFirst<B>(raw: B): B {
  const builder = raw as unknown as (definition: AnyDefinition) => object;
  return ((definition: AnyDefinition) => {
    if (definition.args === undefined) return builder(definition);
    const validator = asObjectValidator(definition.args) as GenericValidator;
    const handler = definition.handler as (ctx: { db?: Reader }, args: unknown) => unknown;
    const registered = builder({
      returns: definition.returns,
      handler: (async (ctx: { db?: Reader }, args: unknown) => {
        refuseArgs(validator, args, ctx.db);
        const cursor = (args as { paginationOpts?: { cursor?: unknown } }).paginationOpts?.cursor;
        if (typeof cursor !== "string") return await handler(ctx, args);
        try {
          return await handler(ctx, args);
        } catch (error) {
          if (error instanceof ConvexError) throw error;
          throw invalidArgument(
            "paginationOpts",
            "This page cursor is not valid here; start again from the first page.",
          );
        }
      }) as never,
    });
    declared.set(registered, validator);
    return registered;
  }) as unknown as B;
}

const query = validatingFirst(rawQuery);
const mutation = validatingFirst(rawMutation);
const action = validatingFirst(rawAction);

const EVENT_NOT_FOUND = "This event does not exist.";

/** Signed in, the event exists, and the caller is an admin of its org. */
export async function requireEventAdminAccess(ctx: QueryCtx, eventId: Id<"events">) {
  const user = await requireUser(ctx);
  const event = await ctx.db.get("events", eventId);
  if (event === null) throw appError("NOT_FOUND", EVENT_NOT_FOUND);
  const access = await requireOrgAdmin(ctx, user, event.orgId);
  return { ...access, event };
}

/**
 * Signed in, and a member of the event's org who may see it. Someone outside the org is told
 * the event does not exist when they could not see it anyway (a private org, a draft), and
 * FORBIDDEN (join first) otherwise; members do not learn that drafts exist.
 */
async function requireEventMember(ctx: QueryCtx, eventId: Id<"events">) {
  const user = await requireUser(ctx);
  const event = await ctx.db.get("events", eventId);
  if (event === null) throw appError("NOT_FOUND", EVENT_NOT_FOUND);
  const org = await ctx.db.get("organizations", event.orgId);
  const membership = org === null ? null : await getMembership(ctx, event.orgId, user._id);
  if (org === null || membership === null) {
    if (org === null || org.visibility === "private" || event.status === "draft") {
      throw appError("NOT_FOUND", EVENT_NOT_FOUND);
    }
    throw appError("FORBIDDEN", `Join ${org.name} first to RSVP to its events.`);
  }
  if (event.status === "draft" && membership.role !== "admin") throw appError("NOT_FOUND", EVENT_NOT_FOUND);
  return { user, org, membership, event };
}

const orgArgs = { orgId: v.id("organizations") };
const eventArgs = { eventId: v.id("events") };

const viewer = customCtx(async (ctx: QueryCtx) => ({ viewerId: await getUserId(ctx) }));
const user = customCtx(async (ctx: QueryCtx) => ({ user: await requireUser(ctx) }));
const orgMember = customCtxAndArgs({
  args: orgArgs,
  input: async (ctx: QueryCtx, { orgId }) => ({
    ctx: await requireOrgMember(ctx, await requireUser(ctx), orgId),
    args: {},
  }),
});
const orgAdmin = customCtxAndArgs({
  args: orgArgs,
  input: async (ctx: QueryCtx, { orgId }) => ({
    ctx: await requireOrgAdmin(ctx, await requireUser(ctx), orgId),
    args: {},
  }),
});
const eventMember = customCtxAndArgs({
  args: eventArgs,
  input: async (ctx: QueryCtx, { eventId }) => ({ ctx: await requireEventMember(ctx, eventId), args: {} }),
});
const eventAdmin = customCtxAndArgs({
  args: eventArgs,
  input: async (ctx: QueryCtx, { eventId }) => ({ ctx: await requireEventAdminAccess(ctx, eventId), args: {} }),
});

export const publicQuery = recording("public", customQuery(query, viewer));
/** Anyone: for links that carry their own authority (a signed, single-purpose email token). */
export const publicMutation = recording("public", customMutation(mutation, viewer));

export const userQuery = recording("user", customQuery(query, user));
export const userMutation = recording("user", customMutation(mutation, user));

/** Actions have no database: the account is read through an internal query. */
const accountForAction = makeFunctionReference<"query", { userId: Id<"users"> }, Doc<"users"> | null>(
  "users/queries:accountForAction",
);
export const userAction = recording(
  "user",
  customAction(
    action,
    customCtx(async (ctx) => ({
      user: requireAccount(await ctx.runQuery(accountForAction, { userId: await requireUserId(ctx) })),
    })),
  ),
);

export const orgMemberQuery = recording("orgMember", customQuery(query, orgMember));
export const orgMemberMutation = recording("orgMember", customMutation(mutation, orgMember));
export const orgAdminQuery = recording("orgAdmin", customQuery(query, orgAdmin));
export const orgAdminMutation = recording("orgAdmin", customMutation(mutation, orgAdmin));

/** Actions have no database: the event-admin check runs in an internal query. */
const eventAdminForAction = makeFunctionReference<
  "query",
  { eventId: Id<"events"> },
  { eventId: Id<"events">; orgId: Id<"organizations">; userId: Id<"users"> }
>("attendance/queries:eventAdminForAction");
export const eventAdminAction = recording(
  "eventAdmin",
  customAction(
    action,
    customCtxAndArgs({
      args: eventArgs,
      input: async (ctx, { eventId }) => {
        const access = await ctx.runQuery(eventAdminForAction, { eventId });
        const user = requireAccount(await ctx.runQuery(accountForAction, { userId: access.userId }));
        return { ctx: { user, eventId: access.eventId, orgId: access.orgId }, args: {} };
      },
    }),
  ),
);

/** Actions have no database: the org-admin check runs in an internal query. */
const orgAdminForAction = makeFunctionReference<
  "query",
  { orgId: Id<"organizations"> },
  { orgId: Id<"organizations">; userId: Id<"users"> }
>("orgs/queries:orgAdminForAction");
export const orgAdminAction = recording(
  "orgAdmin",
  customAction(
    action,
    customCtxAndArgs({
      args: orgArgs,
      input: async (ctx, { orgId }) => {
        const access = await ctx.runQuery(orgAdminForAction, { orgId });
        const user = requireAccount(await ctx.runQuery(accountForAction, { userId: access.userId }));
        return { ctx: { user, orgId: access.orgId }, args: {} };
      },
    }),
  ),
);

export const eventMemberQuery = recording("eventMember", customQuery(query, eventMember));
export const eventMemberMutation = recording("eventMember", customMutation(mutation, eventMember));
export const eventAdminQuery = recording("eventAdmin", customQuery(query, eventAdmin));
export const eventAdminMutation = recording("eventAdmin", customMutation(mutation, eventAdmin));
