import type { FunctionReturnType } from "convex/server";

import type { api } from "@convex/_generated/api";

export type OrgPage = FunctionReturnType<typeof api.orgs.queries.getOrgBySlug>;
export type OrgSummary = FunctionReturnType<typeof api.orgs.queries.myOrgs>[number]["org"];
export type MemberRow = FunctionReturnType<typeof api.orgs.queries.listMembers>["page"][number];
export type InviteRow = FunctionReturnType<typeof api.orgs.invites.listInvites>["page"][number];
