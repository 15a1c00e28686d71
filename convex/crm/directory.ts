// The admin member directory: one page of members matching the filters, read from one index
// range of memberDirectory (directoryPlan.ts lists which combinations are indexed, narrowed or
// refused). Members never reach it: orgAdminQuery refuses everyone but the org's admins.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { orgAdminQuery } from "../lib/functions";
import { CRM_LIMITS, engagementLevelValidator, orgRoleValidator } from "../lib/vocabulary";
import { directoryFiltersValidator, planDirectory } from "./directoryPlan";
import { pageDirectory } from "./directoryProgram";

export const directoryRowValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  role: orgRoleValidator,
  level: v.optional(engagementLevelValidator),
  joinedAt: v.number(),
  eventsAttended: v.number(),
  lastAttendedAt: v.optional(v.number()), // absent: never attended
  tagIds: v.array(v.id("orgTags")),
});

export function toDirectoryRow(row: Doc<"memberDirectory">) {
  return {
    userId: row.userId,
    name: row.name,
    role: row.role,
    level: row.level,
    joinedAt: row.joinedAt,
    eventsAttended: row.eventsAttended,
    lastAttendedAt: row.lastAttendedAt === 0 ? undefined : row.lastAttendedAt,
    tagIds: row.tagIds,
  };
}

export const listDirectory = orgAdminQuery({
  args: { filters: directoryFiltersValidator, paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(directoryRowValidator),
  handler: async (ctx, { filters, paginationOpts }) => {
    const orgId = ctx.org._id;
    const plan = await planDirectory(ctx, orgId, filters);
    const opts = { ...paginationOpts, numItems: Math.min(paginationOpts.numItems, CRM_LIMITS.directoryPage) };
    const page = await pageDirectory(ctx, orgId, plan, opts);
    return { ...page, page: page.page.map(toDirectoryRow) };
  },
});
