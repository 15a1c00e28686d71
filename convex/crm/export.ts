// CSV export of the filtered directory. Starting one is a mutation (rate-limited per admin), which
// hands out a short-lived ticket; the browser then reads the rows in chunks of 500 through
// exportChunk (one query each, well inside Convex's read limits at any org size) and writes the
// file itself. Every field a member does not share is left out here, on the server.
import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import { appError } from "../lib/errors";
import { orgAdminMutation, orgAdminQuery } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { careerStageValidator, CRM_LIMITS, engagementLevelValidator, orgRoleValidator } from "../lib/vocabulary";
import { getProfileByUser } from "../profiles/model";
import { directoryFiltersValidator, planDirectory } from "./directoryPlan";
import { pageDirectory } from "./directoryProgram";
import { memberProgramsOf, memberProgramValidator, type ProgramCache } from "./programs";
import { listOrgTags } from "./tags";

export const exportRowValidator = v.object({
  name: v.string(),
  email: v.optional(v.string()), // only where the member shares it
  role: orgRoleValidator,
  joinedAt: v.number(),
  level: v.optional(engagementLevelValidator), // effective
  computedLevel: v.optional(engagementLevelValidator),
  overrideLevel: v.optional(engagementLevelValidator),
  eventsAttended: v.number(),
  lastAttendedAt: v.optional(v.number()),
  tags: v.array(v.string()),
  // Profile fields, each only where the member shares it.
  headline: v.optional(v.string()),
  city: v.optional(v.string()),
  country: v.optional(v.string()),
  careerStage: v.optional(careerStageValidator),
  skills: v.optional(v.array(v.string())),
  /** Every program the member is or was in (not declined applications), with where they stand. */
  programs: v.array(v.object({ name: v.string(), state: memberProgramValidator.fields.state })),
});

/** Starts an export of the filtered directory (checked now, so a refused filter fails here). */
export const startExport = orgAdminMutation({
  args: { filters: directoryFiltersValidator },
  returns: v.object({ exportId: v.id("directoryExports"), memberCount: v.number() }),
  handler: async (ctx, { filters }) => {
    await planDirectory(ctx, ctx.org._id, filters);
    await enforceLimit(ctx, "export", ctx.user._id);
    const now = Date.now();
    const exportId = await ctx.db.insert("directoryExports", {
      orgId: ctx.org._id,
      userId: ctx.user._id,
      createdAt: now,
      expiresAt: now + CRM_LIMITS.exportTtlMs,
    });
    return { exportId, memberCount: ctx.org.memberCount };
  },
});

/** One chunk of an export: up to 500 members, privacy-filtered, and where to continue. */
export const exportChunk = orgAdminQuery({
  args: {
    exportId: v.id("directoryExports"),
    filters: directoryFiltersValidator,
    cursor: v.union(v.string(), v.null()),
  },
  returns: v.object({ rows: v.array(exportRowValidator), continueCursor: v.string(), isDone: v.boolean() }),
  handler: async (ctx, { exportId, filters, cursor }) => {
    const orgId = ctx.org._id;
    const ticket = await ctx.db.get("directoryExports", exportId);
    if (ticket === null || ticket.orgId !== orgId || ticket.userId !== ctx.user._id) {
      throw appError("NOT_FOUND", "This export does not exist; start it again.", "exportId");
    }
    if (ticket.expiresAt < Date.now()) throw appError("CONFLICT", "This export expired; start it again.", "exportId");
    const plan = await planDirectory(ctx, orgId, filters);
    const page = await pageDirectory(ctx, orgId, plan, { numItems: CRM_LIMITS.exportChunk, cursor });
    const programCache: ProgramCache = new Map();
    const tagNames = new Map<Id<"orgTags">, string>((await listOrgTags(ctx, orgId)).map((t) => [t._id, t.name]));
    const rows = await Promise.all(
      page.page.map(async (row) => {
        const [profile, user, score, programs] = await Promise.all([
          getProfileByUser(ctx, row.userId),
          ctx.db.get("users", row.userId),
          ctx.db
            .query("engagementScores")
            .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", row.userId))
            .unique(),
          memberProgramsOf(ctx, orgId, row.userId, programCache),
        ]);
        const privacy = profile?.privacy;
        return {
          name: row.name,
          email: privacy?.email === true ? user?.email : undefined,
          role: row.role,
          joinedAt: row.joinedAt,
          level: row.level,
          computedLevel: score?.level,
          overrideLevel: score?.overrideLevel,
          eventsAttended: row.eventsAttended,
          lastAttendedAt: row.lastAttendedAt === 0 ? undefined : row.lastAttendedAt,
          tags: row.tagIds.flatMap((id) => tagNames.get(id) ?? []),
          headline: privacy?.headline === true ? profile?.headline : undefined,
          city: privacy?.location === true ? profile?.location?.city : undefined,
          country: privacy?.location === true ? profile?.location?.country : undefined,
          careerStage: privacy?.careerStage === true ? profile?.careerStage : undefined,
          skills: privacy?.skills === true ? profile?.skills : undefined,
          programs: programs.map((p) => ({ name: p.program.name, state: p.state })),
        };
      }),
    );
    return { rows, continueCursor: page.continueCursor, isDone: page.isDone };
  },
});
