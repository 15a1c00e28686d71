// The CRM feature's data: the admin directory (paginated, live), org tags and member tags, and the
// export's chunk reader; one mutation hook per backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { StatsRange } from "@convex/lib/vocabulary";
import type { DirectoryFilters } from "@convex/crm/directoryPlan";

export function useDirectory(orgId: Id<"organizations">, filters: DirectoryFilters | "skip", pageSize: number) {
  return usePaginatedQuery(api.crm.directory.listDirectory, filters === "skip" ? "skip" : { orgId, filters }, {
    initialNumItems: pageSize,
  });
}

export function tagsQuery(orgId: Id<"organizations">) {
  return convexQuery(api.crm.tags.listTags, { orgId });
}

export function memberTagsQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.crm.tags.memberTags, { orgId, userId });
}

export function useCreateTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.createTag) });
}

export function useUpdateTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.updateTag) });
}

export function useDeleteTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.deleteTag) });
}

export function useAssignTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.assignTag) });
}

export function useUnassignTagMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.tags.unassignTag) });
}

export function useStartExportMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.export.startExport) });
}

/** The export's chunk query (read one-shot through the Convex client, not subscribed). */
export const exportChunkQuery = api.crm.export.exportChunk;

// ---- Member record, notes and community stats ----

export function memberRecordQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.crm.record.memberRecord, { orgId, userId });
}

export function useMemberTimeline(orgId: Id<"organizations">, userId: Id<"users">, pageSize = 20) {
  return usePaginatedQuery(api.crm.record.memberTimeline, { orgId, userId }, { initialNumItems: pageSize });
}

/** The member's engagement score. */
export function memberEngagementQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.engagement.queries.memberEngagement, { orgId, userId });
}

export function communityStatsQuery(orgId: Id<"organizations">, range: StatsRange) {
  return convexQuery(api.crm.stats.communityStats, { orgId, range });
}

export function useAddNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.addNote) });
}

export function useUpdateNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.updateNote) });
}

export function useDeleteNoteMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.crm.notes.deleteNote) });
}

// ---- end member record, notes and community stats ----

// ---- Programs in the CRM ----

/** Attendance by program for the stats page (programs overlapping the range). */
export function programStatsQuery(orgId: Id<"organizations">, range: StatsRange) {
  return convexQuery(api.crm.statsPrograms.programStats, { orgId, range });
}

/** A member's programs with progress, for the member record. */
export function memberProgramsQuery(orgId: Id<"organizations">, userId: Id<"users">) {
  return convexQuery(api.crm.programs.memberPrograms, { orgId, userId });
}
