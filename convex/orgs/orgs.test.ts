import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { countRows, createOrgAs, expectConvexError, joinOrg, snapshotCounts } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const page = { numItems: 20, cursor: null };

describe("createOrg", () => {
  test("the creator becomes the only admin and memberCount is 1", async () => {
    const t = newTest();
    const ada = await signedInUser(t, { name: "Ada" });
    const { orgId, slug } = await ada.as.mutation(api.orgs.mutations.createOrg, {
      name: "  Berlin AI Safety  ",
      slug: "berlin-ais",
      visibility: "public",
      location: { city: "Berlin", country: "de" },
      website: "https://example.org",
    });
    expect(slug).toBe("berlin-ais");
    const org = await ada.as.query(api.orgs.queries.getOrgBySlug, { slug });
    expect(org).toMatchObject({
      _id: orgId,
      name: "Berlin AI Safety",
      memberCount: 1,
      viewerRole: "admin",
      location: { city: "Berlin", country: "DE" },
      website: "https://example.org/",
    });
    const members = await ada.as.query(api.orgs.queries.listMembers, { orgId, paginationOpts: page });
    expect(members.page).toEqual([{ userId: ada.userId, name: "Ada", role: "admin", joinedAt: expect.any(Number) }]);
  });

  test("a taken slug is a CONFLICT on the slug field and writes nothing", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    await createOrgAs(ada.as, { slug: "taken" });
    const before = await snapshotCounts(t);
    const error = await expectConvexError(createOrgAs(ada.as, { slug: "taken" }));
    expect(error).toMatchObject({ code: "CONFLICT", field: "slug" });
    expect(await snapshotCounts(t)).toEqual(before);
    expect(await ada.as.query(api.orgs.queries.checkSlugAvailable, { slug: "taken" })).toBe(false);
    expect(await ada.as.query(api.orgs.queries.checkSlugAvailable, { slug: "free" })).toBe(true);
  });

  test("only admins can update an org", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const bob = await signedInUser(t);
    const { orgId, slug } = await createOrgAs(ada.as);
    await joinOrg(ada.as, bob.as, orgId);
    const edit = { orgId, name: "Renamed", visibility: "private" as const };
    expect(await expectConvexError(bob.as.mutation(api.orgs.mutations.updateOrg, edit))).toMatchObject({
      code: "FORBIDDEN",
    });
    await ada.as.mutation(api.orgs.mutations.updateOrg, edit);
    expect(await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).toMatchObject({
      name: "Renamed",
      visibility: "private",
      viewerRole: "member",
    });
  });
});

describe("getOrgBySlug", () => {
  test("public orgs are readable signed out; private ones are NOT_FOUND to non-members", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const stranger = await signedInUser(t);
    await createOrgAs(ada.as, { slug: "open-org" });
    await createOrgAs(ada.as, { slug: "secret-org", visibility: "private" });
    expect(await t.query(api.orgs.queries.getOrgBySlug, { slug: "open-org" })).toMatchObject({
      viewerRole: null,
    });
    for (const caller of [t, stranger.as]) {
      expect(
        await expectConvexError(caller.query(api.orgs.queries.getOrgBySlug, { slug: "secret-org" })),
      ).toMatchObject({ code: "NOT_FOUND" });
    }
    // Same answer as for a slug that does not exist.
    expect(await expectConvexError(t.query(api.orgs.queries.getOrgBySlug, { slug: "no-such-org" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await ada.as.query(api.orgs.queries.getOrgBySlug, { slug: "secret-org" })).toMatchObject({
      viewerRole: "admin",
    });
  });
});

describe("roles and the last-admin rule", () => {
  async function orgWithMember() {
    const t = newTest();
    const ada = await signedInUser(t, { name: "Ada" });
    const bob = await signedInUser(t, { name: "Bob" });
    const { orgId, slug } = await createOrgAs(ada.as);
    await joinOrg(ada.as, bob.as, orgId);
    return { t, ada, bob, orgId, slug };
  }

  test("the last admin cannot be demoted, removed, or leave", async () => {
    const { t, ada, orgId } = await orgWithMember();
    const args = { orgId, userId: ada.userId };
    for (const call of [
      ada.as.mutation(api.orgs.mutations.demoteMember, args),
      ada.as.mutation(api.orgs.mutations.removeMember, args),
      ada.as.mutation(api.orgs.mutations.leaveOrg, { orgId }),
    ]) {
      expect(await expectConvexError(call)).toMatchObject({ code: "CONFLICT" });
    }
    expect(await countRows(t, "orgMemberships")).toBe(2);
  });

  test("promote, then the old admin can step down and leave; counts follow", async () => {
    const { ada, bob, orgId, slug } = await orgWithMember();
    await ada.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: bob.userId });
    await ada.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: bob.userId }); // no-op
    const admins = await bob.as.query(api.orgs.queries.listMembers, { orgId, role: "admin", paginationOpts: page });
    expect(admins.page.map((m) => m.name).sort()).toEqual(["Ada", "Bob"]);

    await ada.as.mutation(api.orgs.mutations.demoteMember, { orgId, userId: ada.userId });
    expect(
      await expectConvexError(ada.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: ada.userId })),
    ).toMatchObject({ code: "FORBIDDEN" });
    // Bob is now the last admin.
    expect(
      await expectConvexError(bob.as.mutation(api.orgs.mutations.demoteMember, { orgId, userId: bob.userId })),
    ).toMatchObject({ code: "CONFLICT" });
    await ada.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect(await bob.as.query(api.orgs.queries.getOrgBySlug, { slug })).toMatchObject({ memberCount: 1 });
    expect(await ada.as.query(api.orgs.queries.myOrgs, {})).toEqual([]);
  });

  test("members cannot manage roles; admins remove members and memberCount drops", async () => {
    const { t, ada, bob, orgId, slug } = await orgWithMember();
    const carol = await signedInUser(t);
    await joinOrg(ada.as, carol.as, orgId);
    for (const fn of [api.orgs.mutations.promoteMember, api.orgs.mutations.removeMember]) {
      expect(await expectConvexError(bob.as.mutation(fn, { orgId, userId: carol.userId }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await ada.as.mutation(api.orgs.mutations.removeMember, { orgId, userId: carol.userId });
    expect(await ada.as.query(api.orgs.queries.getOrgBySlug, { slug })).toMatchObject({ memberCount: 2 });
    expect(
      await expectConvexError(ada.as.mutation(api.orgs.mutations.removeMember, { orgId, userId: carol.userId })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await carol.as.query(api.orgs.queries.myOrgs, {})).toEqual([]);
  });

  test("myOrgs lists the caller's orgs with their role", async () => {
    const { ada, bob, orgId } = await orgWithMember();
    expect(await bob.as.query(api.orgs.queries.myOrgs, {})).toEqual([
      { org: expect.objectContaining({ _id: orgId, memberCount: 2 }), role: "member", joinedAt: expect.any(Number) },
    ]);
    expect((await ada.as.query(api.orgs.queries.myOrgs, {}))[0]?.role).toBe("admin");
  });
});

describe("listMembers privacy", () => {
  test("emails go only to admins, and only for members who share them", async () => {
    const t = newTest();
    const ada = await signedInUser(t, { name: "Ada", email: "ada@example.com" });
    const bob = await signedInUser(t, { name: "Bob", email: "bob@example.com" });
    const carol = await signedInUser(t, { name: "Carol", email: "carol@example.com" });
    const { orgId } = await createOrgAs(ada.as);
    await joinOrg(ada.as, bob.as, orgId);
    await joinOrg(ada.as, carol.as, orgId);
    const shareEmail = { headline: true, location: true, skills: true, careerStage: true, email: true };
    await bob.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: shareEmail,
      shareLocationForSuggestions: false,
    });
    const byName = (rows: { name: string; email?: string }[]) => Object.fromEntries(rows.map((r) => [r.name, r.email]));

    const asAdmin = await ada.as.query(api.orgs.queries.listMembers, { orgId, paginationOpts: page });
    expect(byName(asAdmin.page)).toEqual({ Ada: undefined, Bob: "bob@example.com", Carol: undefined });
    const asMember = await carol.as.query(api.orgs.queries.listMembers, { orgId, paginationOpts: page });
    expect(byName(asMember.page)).toEqual({ Ada: undefined, Bob: undefined, Carol: undefined });
  });

  test("pages are capped and continue with the cursor", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId } = await createOrgAs(ada.as);
    for (let i = 0; i < 4; i++) await joinOrg(ada.as, (await signedInUser(t)).as, orgId);
    const first = await ada.as.query(api.orgs.queries.listMembers, {
      orgId,
      paginationOpts: { numItems: 3, cursor: null },
    });
    expect(first.page).toHaveLength(3);
    const second = await ada.as.query(api.orgs.queries.listMembers, {
      orgId,
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    expect(second.page).toHaveLength(2);
    expect(second.isDone).toBe(true);
  });
});

describe("a private org's id tells outsiders nothing", () => {
  test("non-members get NOT_FOUND for a private org, as for one that does not exist; FORBIDDEN for a public one", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const outsider = await signedInUser(t);
    const hidden = await createOrgAs(ada.as, { visibility: "private" });
    const open = await createOrgAs(ada.as, { visibility: "public" });
    const args = (orgId: typeof hidden.orgId) => ({ orgId, paginationOpts: { numItems: 10, cursor: null } });
    expect(await expectConvexError(outsider.as.query(api.orgs.queries.listMembers, args(hidden.orgId)))).toMatchObject({
      code: "NOT_FOUND",
      message: "This organization does not exist.",
    });
    expect(
      await expectConvexError(outsider.as.mutation(api.orgs.invites.createInvite, { orgId: hidden.orgId })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await expectConvexError(outsider.as.query(api.orgs.queries.listMembers, args(open.orgId)))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
