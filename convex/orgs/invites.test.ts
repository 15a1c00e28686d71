import { describe, expect, test, vi, afterEach } from "vitest";
import { api } from "../_generated/api";
import { countRows, createOrgAs, expectConvexError } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const page = { numItems: 20, cursor: null };

async function setup() {
  const t = newTest();
  const ada = await signedInUser(t);
  const bob = await signedInUser(t);
  const { orgId, slug } = await createOrgAs(ada.as, { name: "Hub", visibility: "private" });
  return { t, ada, bob, orgId, slug };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("invite links", () => {
  test("tokens are 43-character base64url strings, different every time", async () => {
    const { ada, orgId } = await setup();
    const a = await ada.as.mutation(api.orgs.invites.createInvite, { orgId });
    const b = await ada.as.mutation(api.orgs.invites.createInvite, { orgId });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
  });

  test("preview works signed out; joining adds a member once, even when repeated", async () => {
    const { t, ada, bob, orgId, slug } = await setup();
    const { token } = await ada.as.mutation(api.orgs.invites.createInvite, { orgId, maxUses: 5 });
    expect(await t.query(api.orgs.invites.getInvitePreview, { token })).toMatchObject({
      status: "valid",
      org: { name: "Hub", slug, memberCount: 1 },
      viewerIsMember: false,
    });
    expect(await bob.as.mutation(api.orgs.invites.joinByInvite, { token })).toEqual({
      orgId,
      slug,
      alreadyMember: false,
    });
    expect(await bob.as.mutation(api.orgs.invites.joinByInvite, { token })).toEqual({
      orgId,
      slug,
      alreadyMember: true,
    });
    expect(await bob.as.query(api.orgs.invites.getInvitePreview, { token })).toMatchObject({ viewerIsMember: true });
    // The private org is now visible to Bob; one use consumed, one membership added.
    expect(await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).toMatchObject({
      memberCount: 2,
      viewerRole: "member",
    });
    const invites = await ada.as.query(api.orgs.invites.listInvites, { orgId, paginationOpts: page });
    expect(invites.page[0]).toMatchObject({ uses: 1, maxUses: 5, status: "valid" });
    expect(await countRows(t, "orgMemberships")).toBe(2);
  });

  test("joining needs a signed-in user", async () => {
    const { t, ada, orgId } = await setup();
    const { token } = await ada.as.mutation(api.orgs.invites.createInvite, { orgId });
    expect(await expectConvexError(t.mutation(api.orgs.invites.joinByInvite, { token }))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  test("unknown tokens are not_found", async () => {
    const { t, bob } = await setup();
    expect(await t.query(api.orgs.invites.getInvitePreview, { token: "nope" })).toEqual({
      status: "not_found",
      org: null,
      viewerIsMember: false,
    });
    expect(await expectConvexError(bob.as.mutation(api.orgs.invites.joinByInvite, { token: "nope" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("a used-up link refuses the next person but not an existing member", async () => {
    const { t, ada, bob, orgId } = await setup();
    const carol = await signedInUser(t);
    const { token } = await ada.as.mutation(api.orgs.invites.createInvite, { orgId, maxUses: 1 });
    await bob.as.mutation(api.orgs.invites.joinByInvite, { token });
    expect(await t.query(api.orgs.invites.getInvitePreview, { token })).toEqual({
      status: "used_up",
      org: null,
      viewerIsMember: false,
    });
    // Someone already in the org still sees it.
    expect(await bob.as.query(api.orgs.invites.getInvitePreview, { token })).toMatchObject({
      status: "used_up",
      viewerIsMember: true,
      org: { slug: expect.any(String) },
    });
    expect(await expectConvexError(carol.as.mutation(api.orgs.invites.joinByInvite, { token }))).toMatchObject({
      code: "CONFLICT",
      field: "token",
    });
    expect(await bob.as.mutation(api.orgs.invites.joinByInvite, { token })).toMatchObject({ alreadyMember: true });
    expect(await countRows(t, "orgMemberships")).toBe(2);
  });

  test("an expired link explains itself and refuses joins", async () => {
    vi.useFakeTimers();
    const { t, ada, bob, orgId } = await setup();
    const { token } = await ada.as.mutation(api.orgs.invites.createInvite, { orgId, expiresAt: Date.now() + 60_000 });
    vi.advanceTimersByTime(61_000);
    expect(await t.query(api.orgs.invites.getInvitePreview, { token })).toEqual({
      status: "expired",
      org: null,
      viewerIsMember: false,
    });
    expect(await expectConvexError(bob.as.mutation(api.orgs.invites.joinByInvite, { token }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await countRows(t, "orgMemberships")).toBe(1);
  });

  test("revoke stops a link; regenerate issues a new one with the same limits", async () => {
    const { t, ada, bob, orgId } = await setup();
    const old = await ada.as.mutation(api.orgs.invites.createInvite, {
      orgId,
      maxUses: 3,
      expiresAt: Date.now() + 86_400_000,
    });
    const fresh = await ada.as.mutation(api.orgs.invites.regenerateInvite, { orgId, inviteId: old.inviteId });
    expect(await t.query(api.orgs.invites.getInvitePreview, { token: old.token })).toEqual({
      status: "revoked",
      org: null,
      viewerIsMember: false,
    });
    // A renamed org does not show its new name through the old link.
    await ada.as.mutation(api.orgs.mutations.updateOrg, { orgId, name: "Renamed", visibility: "private" });
    expect(await bob.as.query(api.orgs.invites.getInvitePreview, { token: old.token })).toEqual({
      status: "revoked",
      org: null,
      viewerIsMember: false,
    });
    expect(await expectConvexError(bob.as.mutation(api.orgs.invites.joinByInvite, { token: old.token }))).toMatchObject(
      {
        code: "CONFLICT",
      },
    );
    const invites = await ada.as.query(api.orgs.invites.listInvites, { orgId, paginationOpts: page });
    expect(invites.page[0]).toMatchObject({
      _id: fresh.inviteId,
      maxUses: 3,
      status: "valid",
      expiresAt: expect.any(Number),
    });
    await bob.as.mutation(api.orgs.invites.joinByInvite, { token: fresh.token });

    await ada.as.mutation(api.orgs.invites.revokeInvite, { orgId, inviteId: fresh.inviteId });
    await ada.as.mutation(api.orgs.invites.revokeInvite, { orgId, inviteId: fresh.inviteId }); // harmless
    expect(await t.query(api.orgs.invites.getInvitePreview, { token: fresh.token })).toMatchObject({
      status: "revoked",
    });
  });

  test("admins only, and only for invites of their own org", async () => {
    const { t, ada, bob, orgId } = await setup();
    const { inviteId } = await ada.as.mutation(api.orgs.invites.createInvite, { orgId });
    const { orgId: bobsOrg } = await createOrgAs(bob.as);
    // Ada's org is private: to Bob it does not exist.
    expect(await expectConvexError(bob.as.mutation(api.orgs.invites.createInvite, { orgId }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // Bob is admin of his own org but cannot reach Ada's invite through it.
    expect(
      await expectConvexError(bob.as.mutation(api.orgs.invites.revokeInvite, { orgId: bobsOrg, inviteId })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows(t, "orgInvites")).toBe(1);
  });

  test("bad limits are refused and nothing is written", async () => {
    const { t, ada, orgId } = await setup();
    const cases = [
      [{ expiresAt: Date.now() - 1 }, "expiresAt"],
      [{ expiresAt: Date.now() + 2 * 365 * 86_400_000 }, "expiresAt"],
      [{ maxUses: 0 }, "maxUses"],
      [{ maxUses: 10_001 }, "maxUses"],
      [{ maxUses: 1.5 }, "maxUses"],
    ] as const;
    for (const [args, field] of cases) {
      expect(await expectConvexError(ada.as.mutation(api.orgs.invites.createInvite, { orgId, ...args }))).toMatchObject(
        {
          code: "INVALID_ARGUMENT",
          field,
        },
      );
    }
    expect(await countRows(t, "orgInvites")).toBe(0);
  });
});
