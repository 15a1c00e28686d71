// Demo data for the member record: when people joined (spread over the past year, a few in the
// last weeks, so the community stats have a shape) and a few admin notes.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { addTimelineEntry } from "../crm/recordTimeline";

const DAY = 86_400_000;

/** When the member at `position` of `count` joined: admins first, the last three recently. */
export function demoJoinedAt(position: number, count: number, now: number): number {
  const fromEnd = count - 1 - position;
  if (fromEnd < 3) return now - [3, 9, 20][fromEnd]! * DAY;
  return now - Math.round(380 - (position / Math.max(1, count)) * 320) * DAY;
}

const NOTES = [
  "Met at the January meetup. Works on interpretability at a startup; keen to give a lightning talk in spring.",
  "Asked about volunteering for the door at events. Follow up before the next meetup.",
  "Prefers online sessions on weekdays (long commute). Suggested the online reading group.",
];

/** Notes by the org's first admin on its first few members. */
export async function seedNotes(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  adminId: Id<"users">,
  members: Id<"users">[],
  now: number,
) {
  for (const [i, body] of NOTES.entries()) {
    const userId = members[i];
    if (userId === undefined) return;
    const at = now - (i + 1) * 5 * DAY;
    const noteId = await ctx.db.insert("crmNotes", { orgId, userId, authorId: adminId, body, createdAt: at });
    const timelineId = await addTimelineEntry(ctx, { orgId, userId, at, kind: "note", noteId, by: adminId });
    await ctx.db.patch("crmNotes", noteId, { timelineId });
  }
}
