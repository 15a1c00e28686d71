import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";
import { rateLimited } from "./rateLimits";
import { describeWait, RATE_LIMITS } from "./vocabulary";

describe("rate limits", () => {
  test("RSVP flips are limited per user, with a retry time", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    const [flipper, other] = [await signedInUser(t), await signedInUser(t)];
    await joinOrg(admin.as, flipper.as, orgId);
    await joinOrg(admin.as, other.as, orgId);
    const eventId = await createEventAs(admin.as, orgId);
    for (let i = 0; i < RATE_LIMITS.rsvp.capacity; i++) {
      await flipper.as.mutation(api.events.mutations.rsvp, { eventId, status: i % 2 ? "not_going" : "going" });
    }
    const error = await expectConvexError(flipper.as.mutation(api.events.mutations.rsvp, { eventId, status: "maybe" }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect((error as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect((error as { message: string }).message).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    // Someone else is not affected.
    await other.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
  }, 30_000);

  test("invite creation is limited per admin", async () => {
    const t = newTest();
    const admin = await signedInUser(t);
    const { orgId } = await createOrgAs(admin.as);
    for (let i = 0; i < RATE_LIMITS.createInvite.capacity; i++) {
      await admin.as.mutation(api.orgs.invites.createInvite, { orgId });
    }
    expect(await expectConvexError(admin.as.mutation(api.orgs.invites.createInvite, { orgId }))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfter: expect.any(Number),
    });
  });

  test("org creation is limited per user", async () => {
    const t = newTest();
    const founder = await signedInUser(t);
    for (let i = 0; i < RATE_LIMITS.createOrg.capacity; i++) await createOrgAs(founder.as);
    expect(await expectConvexError(createOrgAs(founder.as))).toMatchObject({ code: "RATE_LIMITED" });
    await createOrgAs((await signedInUser(t)).as);
  });

  test("the message rounds the wait up", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(29_100)).toBe("30 seconds");
    expect(describeWait(61_000)).toBe("2 minutes");
    expect(describeWait(2 * 60 * 60 * 1000)).toBe("2 hours");
    expect(rateLimited(30_000).data).toEqual({
      code: "RATE_LIMITED",
      message: "Too many attempts. Try again in 30 seconds.",
      retryAfter: 30_000,
    });
  });
});
