// What other features call when something the directory shows changes (same transaction).
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { syncDirectory, syncDirectoryForUser } from "./directorySync";
import { removeMemberTags } from "./tags";

/** Joined, role changed, attendance counters moved. */
export async function onMembershipChanged(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  await syncDirectory(ctx, orgId, userId);
}

/** Left or removed (the membership row is already gone): their rows and tags go. */
export async function onMembershipRemoved(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  await removeMemberTags(ctx, orgId, userId);
  await syncDirectory(ctx, orgId, userId);
}

/** The effective engagement level may have changed (a computed score, an override). */
export async function onEngagementChanged(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  await syncDirectory(ctx, orgId, userId);
}

/** The name or a shared profile value (or what is shared) changed. */
export async function onProfileChanged(ctx: MutationCtx, userId: Id<"users">) {
  await syncDirectoryForUser(ctx, userId);
}
