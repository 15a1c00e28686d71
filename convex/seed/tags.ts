// Demo tags: a few of an org's own labels, on some of its members.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { syncDirectory } from "../crm/directorySync";
import type { TagColor } from "../lib/vocabulary";

const DEMO_TAGS: { name: string; color: TagColor; every: number; offset: number }[] = [
  { name: "Volunteer", color: "green", every: 4, offset: 1 },
  { name: "Speaker", color: "purple", every: 6, offset: 2 },
  { name: "Mentor", color: "blue", every: 7, offset: 0 },
  { name: "Newsletter", color: "amber", every: 3, offset: 2 },
];

export async function seedTags(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  adminId: Id<"users">,
  people: Id<"users">[],
  now: number,
) {
  for (const tag of DEMO_TAGS) {
    const tagId = await ctx.db.insert("orgTags", {
      orgId,
      name: tag.name,
      nameKey: tag.name.toLowerCase(),
      color: tag.color,
      createdBy: adminId,
      createdAt: now,
    });
    for (const [i, userId] of people.entries()) {
      if (i % tag.every !== tag.offset) continue;
      await ctx.db.insert("memberTagAssignments", { orgId, userId, tagId, by: adminId, at: now });
    }
  }
  for (const userId of people) await syncDirectory(ctx, orgId, userId);
}
