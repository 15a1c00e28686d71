import { convexTest } from "convex-test";
import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import { describe, expect, test } from "vitest";
import schema from "../schema";
import { expectConvexError } from "../test.fixtures";
import { modules, signedInUser, type TestBackend } from "../test.setup";
import {
  accessLevelOf,
  declaredArgsOf,
  eventAdminMutation,
  eventAdminQuery,
  eventMemberMutation,
  orgAdminMutation,
  orgAdminQuery,
  orgMemberMutation,
  orgMemberQuery,
  publicQuery,
  userAction,
  userMutation,
  userQuery,
} from "./functions";

// Functions defined here, served to convex-test as one more module of the app.
const fixture = {
  whoAmI: userAction({ args: {}, returns: v.string(), handler: async (ctx) => ctx.user._id }),
  viewerId: publicQuery({ args: {}, returns: v.union(v.null(), v.string()), handler: async (ctx) => ctx.viewerId }),
};

function backend() {
  return convexTest({
    schema,
    modules: { ...modules, "./lib/builderFixture.ts": async () => fixture },
  }) as unknown as TestBackend;
}

describe("function builders", () => {
  test("each builder records its access level on the function it defines", () => {
    const def = { args: {}, returns: v.null(), handler: async () => null };
    const levels = [
      accessLevelOf(publicQuery(def)),
      accessLevelOf(userQuery(def)),
      accessLevelOf(userMutation(def)),
      accessLevelOf(userAction(def)),
      accessLevelOf(orgMemberQuery(def)),
      accessLevelOf(orgMemberMutation(def)),
      accessLevelOf(orgAdminQuery(def)),
      accessLevelOf(orgAdminMutation(def)),
      accessLevelOf(eventMemberMutation(def)),
      accessLevelOf(eventAdminQuery(def)),
      accessLevelOf(eventAdminMutation(def)),
    ];
    expect(levels).toEqual([
      "public",
      "user",
      "user",
      "user",
      "orgMember",
      "orgMember",
      "orgAdmin",
      "orgAdmin",
      "eventMember",
      "eventAdmin",
      "eventAdmin",
    ]);
    expect(accessLevelOf(() => null)).toBeUndefined();
  });

  test("org and event builders consume orgId / eventId: the public args keep them", () => {
    const def = { args: { note: v.string() }, returns: v.null(), handler: async () => null };
    const argsOf = (fn: unknown) => Object.keys((declaredArgsOf(fn) as unknown as { fields: object }).fields).sort();
    expect(argsOf(orgAdminMutation(def))).toEqual(["note", "orgId"]);
    expect(argsOf(eventAdminQuery(def))).toEqual(["eventId", "note"]);
  });

  test("userAction: UNAUTHENTICATED when signed out, ctx.user otherwise", async () => {
    const t = backend();
    const whoAmI = makeFunctionReference<"action">("lib/builderFixture:whoAmI");
    expect((await expectConvexError(t.action(whoAmI, {}))).code).toBe("UNAUTHENTICATED");
    const { userId, as } = await signedInUser(t);
    expect(await as.action(whoAmI, {})).toBe(userId);
    await t.run(async (ctx) => ctx.db.delete("users", userId));
    expect((await expectConvexError(as.action(whoAmI, {}))).code).toBe("UNAUTHENTICATED");
  });

  test("publicQuery: ctx.viewerId is null signed out and the caller's id signed in", async () => {
    const t = backend();
    const viewerId = makeFunctionReference<"query">("lib/builderFixture:viewerId");
    expect(await t.query(viewerId, {})).toBeNull();
    const { userId, as } = await signedInUser(t);
    expect(await as.query(viewerId, {})).toBe(userId);
  });
});
