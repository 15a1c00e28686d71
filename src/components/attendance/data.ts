// The attendance feature's data: the member's prompts, record and feedback; the organizer's door
// list, live counts, sheet and feedback summary; one mutation hook per backend mutation (react-query
// useMutation over Convex) and the CSV export action.
import { convexQuery, useConvexAction, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { usePaginatedQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export type PendingPrompt = FunctionReturnType<typeof api.attendance.queries.myPendingPrompts>[number];
export type HistoryRow = FunctionReturnType<typeof api.attendance.queries.myAttendanceHistory>["page"][number];
export type AttendanceRow = FunctionReturnType<typeof api.attendance.queries.checkInList>["page"][number];
export type CheckInCounts = FunctionReturnType<typeof api.attendance.queries.checkInCounts>;
export type FeedbackSummary = FunctionReturnType<typeof api.attendance.queries.feedbackSummary>;
export type CheckInStatus = "going" | "maybe" | "waitlisted" | "walk_in";
export type SheetFilter = "disputed" | "attended" | "no_show" | "excused";

// ---- Member ----

export function myPendingPromptsQuery() {
  return convexQuery(api.attendance.queries.myPendingPrompts, {});
}

export function useAttendanceHistory(pageSize: number) {
  return usePaginatedQuery(api.attendance.queries.myAttendanceHistory, {}, { initialNumItems: pageSize });
}

export function useAnswerPromptMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.answerPrompt) });
}

export function useDeferPromptMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.deferPrompt) });
}

export function useDismissPromptMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.dismissPrompt) });
}

export function useSubmitFeedbackMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.submitFeedback) });
}

/** The venue code's page calls it; its errors are shown on that page. */
export function useSelfCheckInMutation() {
  return useMutation({
    mutationFn: useConvexMutation(api.attendance.mutations.selfCheckIn),
    meta: { showsErrors: true },
  });
}

// ---- Organizer ----

export function checkInCountsQuery(eventId: Id<"events">) {
  return convexQuery(api.attendance.queries.checkInCounts, { eventId });
}

export function feedbackSummaryQuery(eventId: Id<"events">) {
  return convexQuery(api.attendance.queries.feedbackSummary, { eventId });
}

/** The door list; with a search, one page of name matches. */
export function useCheckInList(eventId: Id<"events">, status: CheckInStatus | "all", search: string, pageSize: number) {
  const args = {
    eventId,
    ...(status === "all" ? {} : { status }),
    ...(search.trim() === "" ? {} : { search: search.trim() }),
  };
  return usePaginatedQuery(api.attendance.queries.checkInList, args, { initialNumItems: pageSize });
}

export function useAttendanceSheet(eventId: Id<"events">, filter: SheetFilter | "all", pageSize: number) {
  return usePaginatedQuery(
    api.attendance.queries.attendanceSheet,
    filter === "all" ? { eventId } : { eventId, filter },
    { initialNumItems: pageSize },
  );
}

export function useFeedbackComments(eventId: Id<"events">, pageSize: number) {
  return usePaginatedQuery(api.attendance.queries.listFeedbackComments, { eventId }, { initialNumItems: pageSize });
}

export function useCheckInMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.checkIn) });
}

export function useUndoCheckInMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.undoCheckIn) });
}

export function useAddWalkInMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.addWalkIn) });
}

export function useMarkAttendanceMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.markAttendance) });
}

export function useMarkAllGoingAttendedMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.markAllGoingAttended) });
}

export function useCheckInLinkMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.attendance.mutations.checkInLink) });
}

/** Builds the sheet's CSV on the server and hands it to the browser as a download. */
export function useExportAttendanceCsvMutation() {
  const exportCsv = useConvexAction(api.attendance.export.exportAttendanceCsv);
  return useMutation({
    mutationFn: async (args: { eventId: Id<"events"> }) => {
      const result = await exportCsv(args);
      const url = URL.createObjectURL(new Blob([result.csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = result.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return result;
    },
  });
}

/** The "Did you make it?" email's one-tap link: the question its token answers (reads only). */
export function emailAnswerQuery(token: string) {
  return convexQuery(api.attendance.emailAnswer.describe, { token });
}

export function useConfirmEmailAnswerMutation() {
  return useMutation({
    mutationFn: useConvexMutation(api.attendance.emailAnswer.confirm),
    meta: { showsErrors: true },
  });
}
