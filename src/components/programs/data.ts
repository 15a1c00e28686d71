// The programs feature's data: query options for its live queries and one mutation hook per
// backend mutation.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import type { FunctionReturnType } from "convex/server";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export type ProgramListItem = FunctionReturnType<typeof api.programs.queries.listPrograms>[number];
export type ProgramPageData = FunctionReturnType<typeof api.programs.queries.getProgram>;
export type MatrixData = FunctionReturnType<typeof api.programs.queries.matrix>;
export type MyProgram = FunctionReturnType<typeof api.programs.queries.myPrograms>[number];
export type Progress = MyProgram["progress"];

type OrgId = Id<"organizations">;
type ProgramId = Id<"programs">;

export function programsQuery(orgId: OrgId) {
  return convexQuery(api.programs.queries.listPrograms, { orgId });
}

export function programQuery(orgId: OrgId, programId: ProgramId) {
  return convexQuery(api.programs.queries.getProgram, { orgId, programId });
}

export function matrixQuery(orgId: OrgId, programId: ProgramId) {
  return convexQuery(api.programs.queries.matrix, { orgId, programId });
}

export function myProgramsQuery() {
  return convexQuery(api.programs.queries.myPrograms, {});
}

export function certificateQuery(orgId: OrgId, programId: ProgramId, userId?: Id<"users">) {
  return convexQuery(api.programs.queries.certificate, userId ? { orgId, programId, userId } : { orgId, programId });
}

export function useCreateProgramMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.createProgram) });
}
export function useUpdateProgramMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.updateProgram) });
}
export function useSetProgramStatusMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.setProgramStatus) });
}
export function useCreateSeriesMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.createSeries) });
}
export function useUpdateSessionsMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.updateSessions) });
}
export function useJoinProgramMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.join) });
}
export function useLeaveProgramMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.leave) });
}
export function useAddParticipantMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.addParticipant) });
}
export function useRemoveParticipantMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.programs.mutations.removeParticipant) });
}

/** "Add a member": server-side matches by name or whole email (at most a few). */
export function candidatesQuery(orgId: OrgId, programId: ProgramId, search: string) {
  return convexQuery(api.programs.candidates.searchCandidates, { orgId, programId, search });
}
