import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const page = { numItems: 50, cursor: null };

async function world() {
  const t = newTest();
  const ada = await signedInUser(t, { name: "Ada" });
  const bea = await signedInUser(t, { name: "Bea" });
  const cy = await signedInUser(t, { name: "Cy" });
  const { orgId } = await createOrgAs(ada.as);
  await joinOrg(ada.as, bea.as, orgId);
  await joinOrg(ada.as, cy.as, orgId);
  const tagged = async (tagId: string) =>
    (
      await ada.as.query(api.crm.directory.listDirectory, {
        orgId,
        filters: { facet: { kind: "tag", value: tagId } },
        paginationOpts: page,
      })
    ).page.map((row) => row.name);
  return { t, ada, bea, cy, orgId, tagged };
}

describe("tags", () => {
  test("create, rename, recolour; names are unique per org and checked", async () => {
    const { ada, bea, orgId } = await world();
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: " Speaker ", color: "purple" });
    expect(await ada.as.query(api.crm.tags.listTags, { orgId })).toEqual([
      { _id: tagId, name: "Speaker", color: "purple" },
    ]);
    expect(
      await expectConvexError(ada.as.mutation(api.crm.tags.createTag, { orgId, name: "speaker", color: "red" })),
    ).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(
      await expectConvexError(ada.as.mutation(api.crm.tags.createTag, { orgId, name: "  ", color: "red" })),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "name" });
    await ada.as.mutation(api.crm.tags.updateTag, { orgId, tagId, name: "Speakers", color: "teal" });
    expect(await ada.as.query(api.crm.tags.listTags, { orgId })).toEqual([
      { _id: tagId, name: "Speakers", color: "teal" },
    ]);
    expect(await expectConvexError(bea.as.query(api.crm.tags.listTags, { orgId }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("bulk assign and remove; the directory rows and the tag filter follow", async () => {
    const { ada, bea, cy, orgId, tagged } = await world();
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Volunteer", color: "green" });
    const userIds = [bea.userId, cy.userId];
    expect(await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds })).toBe(2);
    expect(await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds })).toBe(0);
    expect(await tagged(tagId)).toEqual(["Bea", "Cy"]);
    expect(await ada.as.query(api.crm.tags.memberTags, { orgId, userId: bea.userId })).toEqual([tagId]);
    expect(await ada.as.mutation(api.crm.tags.unassignTag, { orgId, tagId, userIds: [cy.userId] })).toBe(1);
    expect(await tagged(tagId)).toEqual(["Bea"]);
  });

  test("deleting a tag removes it everywhere (assignments in batches)", async () => {
    const { t, ada, bea, orgId, tagged } = await world();
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Old", color: "gray" });
    await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [bea.userId] });
    await ada.as.mutation(api.crm.tags.deleteTag, { orgId, tagId });
    await t.finishAllScheduledFunctions(() => {});
    expect(await ada.as.query(api.crm.tags.listTags, { orgId })).toEqual([]);
    expect(await ada.as.query(api.crm.tags.memberTags, { orgId, userId: bea.userId })).toEqual([]);
    expect(await expectConvexError(tagged(tagId))).toMatchObject({ field: "facet" });
    const rows = await ada.as.query(api.crm.directory.listDirectory, { orgId, filters: {}, paginationOpts: page });
    expect(rows.page.every((row) => row.tagIds.length === 0)).toBe(true);
  });

  test("a tag of another org, a non-member, or too many members are refused", async () => {
    const { t, ada, orgId } = await world();
    const other = await signedInUser(t);
    const { orgId: otherOrg } = await createOrgAs(other.as);
    const foreign = await other.as.mutation(api.crm.tags.createTag, { orgId: otherOrg, name: "X", color: "red" });
    expect(
      await expectConvexError(
        ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId: foreign, userIds: [ada.userId] }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", field: "tagId" });
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Y", color: "red" });
    expect(
      await expectConvexError(ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [other.userId] })),
    ).toMatchObject({ code: "NOT_FOUND", field: "userIds" });
    expect(
      await expectConvexError(
        ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: Array(101).fill(ada.userId) }),
      ),
    ).toMatchObject({ field: "userIds" });
  });

  test("a member who leaves loses their tags and directory rows", async () => {
    const { t, ada, bea, orgId } = await world();
    const tagId = await ada.as.mutation(api.crm.tags.createTag, { orgId, name: "Z", color: "blue" });
    await ada.as.mutation(api.crm.tags.assignTag, { orgId, tagId, userIds: [bea.userId] });
    await bea.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
    const left = await t.run(async (ctx) => ({
      tags: await ctx.db.query("memberTagAssignments").collect(),
      rows: (await ctx.db.query("memberDirectory").collect()).filter((row) => row.userId === bea.userId),
    }));
    expect(left).toEqual({ tags: [], rows: [] });
  });
});

describe("export", () => {
  test("is rate-limited per admin and a ticket serves only its admin and org", async () => {
    const { t, ada, bea, orgId } = await world();
    for (let i = 0; i < 5; i++) await ada.as.mutation(api.crm.export.startExport, { orgId, filters: {} });
    expect(await expectConvexError(ada.as.mutation(api.crm.export.startExport, { orgId, filters: {} }))).toMatchObject({
      code: "RATE_LIMITED",
    });
    const second = await signedInUser(t);
    await joinOrg(ada.as, second.as, orgId);
    await ada.as.mutation(api.orgs.mutations.promoteMember, { orgId, userId: second.userId });
    const { exportId } = await second.as.mutation(api.crm.export.startExport, { orgId, filters: {} });
    const args = { orgId, exportId, filters: {}, cursor: null };
    expect((await second.as.query(api.crm.export.exportChunk, args)).rows).toHaveLength(4);
    expect(await expectConvexError(ada.as.query(api.crm.export.exportChunk, args))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await expectConvexError(bea.as.query(api.crm.export.exportChunk, args))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await expectConvexError(second.as.mutation(api.crm.export.startExport, { orgId, filters: { minEvents: -1 } })),
    ).toMatchObject({ field: "minEvents" });
  });
});
