// Keeps the directory rows (memberDirectory) in step with what they are built from: the
// membership (role, joined, attendance counters), the engagement score (effective level), the
// member's tags and the profile values the member shares. Every write of those calls
// syncDirectory in the same transaction; it rebuilds one member's rows and writes only the
// difference, so a call that changes nothing writes nothing.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getMembership } from "../lib/access";
import { CRM_LIMITS } from "../lib/vocabulary";
import { displayName, getProfileByUser } from "../profiles/model";

export const ALL_FACET = "all";

/** Everyone's row, each tag, a career stage, a city and the indexed skills. */
const MAX_DIRECTORY_ROWS_PER_MEMBER = 1 + CRM_LIMITS.tagsPerMember + 2 + CRM_LIMITS.indexedSkills;

/** The facet key of a shared profile value or a tag: lower-cased, trimmed. */
export function facetKey(kind: "tag" | "stage" | "city" | "skill", value: string): string {
  return `${kind}:${value.trim().normalize("NFKC").toLowerCase()}`;
}

type RowFields = Omit<Doc<"memberDirectory">, "_id" | "_creationTime">;

export async function tagIdsOf(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const assignments = await ctx.db
    .query("memberTagAssignments")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(CRM_LIMITS.tagsPerMember + 1);
  return assignments.map((a) => a.tagId);
}

/** The facets a member appears under: everyone, each tag, and each value the profile shares. */
export function facetsOf(profile: Doc<"profiles"> | null, tagIds: Id<"orgTags">[]): string[] {
  const facets = new Set<string>([ALL_FACET]);
  for (const tagId of tagIds) facets.add(`tag:${tagId}`);
  if (profile !== null) {
    if (profile.privacy.careerStage && profile.careerStage !== undefined) {
      facets.add(facetKey("stage", profile.careerStage));
    }
    if (profile.privacy.location && profile.location !== undefined && profile.location.city.trim() !== "") {
      facets.add(facetKey("city", profile.location.city));
    }
    if (profile.privacy.skills) {
      for (const skill of profile.skills.slice(0, CRM_LIMITS.indexedSkills)) {
        if (skill.trim() !== "") facets.add(facetKey("skill", skill));
      }
    }
  }
  return [...facets].slice(0, MAX_DIRECTORY_ROWS_PER_MEMBER);
}

async function existingRows(ctx: QueryCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  return await ctx.db
    .query("memberDirectory")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(MAX_DIRECTORY_ROWS_PER_MEMBER + 5);
}

function sameRow(row: Doc<"memberDirectory">, fields: RowFields) {
  return (
    row.name === fields.name &&
    row.nameKey === fields.nameKey &&
    row.role === fields.role &&
    row.level === fields.level &&
    row.joinedAt === fields.joinedAt &&
    row.eventsAttended === fields.eventsAttended &&
    row.lastAttendedAt === fields.lastAttendedAt &&
    row.tagIds.length === fields.tagIds.length &&
    row.tagIds.every((id, i) => id === fields.tagIds[i])
  );
}

/** Rebuilds one member's directory rows (removes them when they are no longer a member). */
export async function syncDirectory(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const [membership, rows] = await Promise.all([getMembership(ctx, orgId, userId), existingRows(ctx, orgId, userId)]);
  if (membership === null) {
    for (const row of rows) await ctx.db.delete("memberDirectory", row._id);
    return;
  }
  const [profile, user, score, tagIds] = await Promise.all([
    getProfileByUser(ctx, userId),
    ctx.db.get("users", userId),
    ctx.db
      .query("engagementScores")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
      .unique(),
    tagIdsOf(ctx, orgId, userId),
  ]);
  const fields = directoryFields(membership, profile, user, score, tagIds);
  const wanted = new Set(facetsOf(profile, tagIds));
  for (const row of rows) {
    if (!wanted.has(row.facet)) {
      await ctx.db.delete("memberDirectory", row._id);
      continue;
    }
    wanted.delete(row.facet);
    if (!sameRow(row, { ...fields, facet: row.facet })) await ctx.db.patch("memberDirectory", row._id, fields);
  }
  for (const facet of wanted) await ctx.db.insert("memberDirectory", { ...fields, facet });
}

export function directoryFields(
  membership: Doc<"orgMemberships">,
  profile: Doc<"profiles"> | null,
  user: Doc<"users"> | null,
  score: Doc<"engagementScores"> | null,
  tagIds: Id<"orgTags">[],
): Omit<RowFields, "facet"> {
  const name = displayName(profile, user);
  const stats = membership.attendanceStats;
  return {
    orgId: membership.orgId,
    userId: membership.userId,
    name,
    nameKey: name.normalize("NFKC").toLowerCase(),
    role: membership.role,
    level: score === null ? undefined : (score.effectiveLevel ?? score.overrideLevel ?? score.level),
    joinedAt: membership.joinedAt,
    eventsAttended: (stats?.attendedVerified ?? 0) + (stats?.attendedSelfReported ?? 0),
    lastAttendedAt: stats?.lastAttendedAt ?? 0,
    tagIds: [...tagIds].sort(),
  };
}

/** A profile changed: every org the person belongs to shows it (a person belongs to few orgs). */
export async function syncDirectoryForUser(ctx: MutationCtx, userId: Id<"users">) {
  const memberships = await ctx.db
    .query("orgMemberships")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .take(200);
  for (const membership of memberships) await syncDirectory(ctx, membership.orgId, userId);
}
