import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const page = { numItems: 20, cursor: null };

async function setup(visibility: "public" | "private" = "public") {
  const t = newTest();
  const ada = await signedInUser(t, { name: "Ada" });
  const bob = await signedInUser(t, { name: "Bob" });
  const { orgId, slug } = await createOrgAs(ada.as, { name: "Hub", visibility });
  return { t, ada, bob, orgId, slug };
}

async function setPolicy(
  as: Awaited<ReturnType<typeof setup>>["ada"]["as"],
  orgId: string,
  joinPolicy: "open" | "request",
) {
  await as.mutation(api.orgs.mutations.updateOrg, {
    orgId: orgId as never,
    name: "Hub",
    visibility: "public",
    joinPolicy,
  });
}

describe("joining a public org", () => {
  test("an open org: join at once, then RSVP; joining again changes nothing", async () => {
    const { ada, bob, orgId, slug } = await setup();
    const eventId = await createEventAs(ada.as, orgId);
    expect((await bob.as.query(api.events.queries.getEvent, { eventId })).rsvpBlockedReason).toBe("join_org");
    expect(await bob.as.mutation(api.orgs.joining.joinOrg, { orgId })).toEqual({ status: "joined" });
    expect(await bob.as.mutation(api.orgs.joining.joinOrg, { orgId })).toEqual({ status: "member" });
    const org = await bob.as.query(api.orgs.queries.getOrgBySlug, { slug });
    expect(org.viewerRole).toBe("member");
    expect(org.memberCount).toBe(2);
    expect((await bob.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" })).status).toBe("going");
  });

  test("request to join: pending until an admin approves; decline removes it; withdrawing works", async () => {
    const { t, ada, bob, orgId, slug } = await setup();
    await setPolicy(ada.as, orgId, "request");
    const carol = await signedInUser(t, { name: "Carol" });
    expect(await bob.as.mutation(api.orgs.joining.joinOrg, { orgId, message: "Hi!" })).toEqual({ status: "requested" });
    expect(await bob.as.mutation(api.orgs.joining.joinOrg, { orgId })).toEqual({ status: "requested" });
    await carol.as.mutation(api.orgs.joining.joinOrg, { orgId });
    expect((await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).viewerRequestedAt).toEqual(expect.any(Number));
    expect((await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).viewerRole).toBeNull();

    const { page: requests } = await ada.as.query(api.orgs.joining.listJoinRequests, { orgId, paginationOpts: page });
    expect(requests.map((r) => [r.name, r.message])).toEqual([
      ["Bob", "Hi!"],
      ["Carol", undefined],
    ]);
    expect(
      (await expectConvexError(bob.as.query(api.orgs.joining.listJoinRequests, { orgId, paginationOpts: page }))).code,
    ).toBe("FORBIDDEN");

    await ada.as.mutation(api.orgs.joining.approveJoinRequest, { orgId, requestId: requests[0]!._id });
    await ada.as.mutation(api.orgs.joining.declineJoinRequest, { orgId, requestId: requests[1]!._id });
    expect((await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).viewerRole).toBe("member");
    expect((await carol.as.query(api.orgs.queries.getOrgBySlug, { slug })).viewerRequestedAt).toBeNull();
    const answered = await expectConvexError(
      ada.as.mutation(api.orgs.joining.approveJoinRequest, { orgId, requestId: requests[1]!._id }),
    );
    expect(answered).toMatchObject({ code: "NOT_FOUND", field: "requestId" });

    await carol.as.mutation(api.orgs.joining.joinOrg, { orgId });
    await carol.as.mutation(api.orgs.joining.cancelJoinRequest, { orgId });
    expect((await ada.as.query(api.orgs.joining.listJoinRequests, { orgId, paginationOpts: page })).page).toEqual([]);
  });

  test("private orgs can't be joined without an invite and don't reveal themselves", async () => {
    const { bob, orgId } = await setup("private");
    expect((await expectConvexError(bob.as.mutation(api.orgs.joining.joinOrg, { orgId }))).code).toBe("NOT_FOUND");
  });

  test("joining is rate-limited per person", async () => {
    const { t, ada, bob } = await setup();
    const dave = await signedInUser(t, { name: "Dave" }); // creating orgs is rate-limited too
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i += 1) {
      const { orgId } = await createOrgAs((i < 6 ? ada : dave).as, { name: `Hub ${i}` });
      try {
        await bob.as.mutation(api.orgs.joining.joinOrg, { orgId });
        codes.push("ok");
      } catch (error) {
        codes.push((error as { data?: { code?: string } }).data?.code);
      }
    }
    expect(codes.slice(0, 10).every((c) => c === "ok")).toBe(true);
    expect(codes[10]).toBe("RATE_LIMITED");
  });

  test("the contact link must be http(s)", async () => {
    const { ada, orgId } = await setup();
    const error = await expectConvexError(
      ada.as.mutation(api.orgs.mutations.updateOrg, {
        orgId,
        name: "Hub",
        visibility: "public",
        contactUrl: "javascript:alert(1)",
      }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "contactUrl" });
  });
});
