// What other features call when something engagement depends on changes.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getScore, moveLevel } from "./store";

/** An event was created, published, edited, cancelled or deleted: the past-event counter follows. */
export { onEventWritten } from "./eventCounter";

/**
 * A member left or was removed: their score leaves the org's lists and level counts at once
 * (the history stays with the org's records, and resumes if they rejoin).
 */
export async function onMembershipDeleted(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">) {
  const score = await getScore(ctx, orgId, userId);
  if (score === null) return;
  await ctx.db.delete("engagementScores", score._id);
  await moveLevel(ctx, orgId, score.effectiveLevel ?? score.overrideLevel ?? score.level, undefined, Date.now());
}
