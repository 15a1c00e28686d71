// Background work over a program's cohort, a page of participants per transaction: RSVPs to
// new sessions, and reviewing completion and the at-risk flag after a session is over (and
// after the criteria change).
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../_generated/server";
import { applyRsvp } from "../events/model";
import { listSessions } from "./model";
import { settleAndTell } from "./hooks";

const RSVP_PAGE = 20;
const REVIEW_PAGE = 100;

/** RSVPs every enrolled participant going to the given new sessions. */
export const rsvpNewSessions = internalMutation({
  args: { programId: v.id("programs"), eventIds: v.array(v.id("events")), cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { programId, eventIds, cursor }) => {
    const now = Date.now();
    const page = await ctx.db
      .query("programEnrollments")
      .withIndex("by_program_status", (q) => q.eq("programId", programId).eq("status", "enrolled"))
      .paginate({ numItems: RSVP_PAGE, cursor });
    for (const e of page.page) {
      for (const eventId of eventIds) {
        const event = await ctx.db.get("events", eventId);
        if (event === null || event.status !== "published" || event.startTime <= now) continue;
        await applyRsvp(ctx, event, e.userId, "going", now);
      }
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.programs.jobs.rsvpNewSessions, {
        programId,
        eventIds,
        cursor: page.continueCursor,
      });
    }
    return null;
  },
});

async function reviewPage(ctx: MutationCtx, programId: Id<"programs">, cursor: string | null) {
  const program = await ctx.db.get("programs", programId);
  if (program === null) return null;
  const now = Date.now();
  const sessions = await listSessions(ctx, programId);
  const page = await ctx.db
    .query("programEnrollments")
    .withIndex("by_program_status", (q) => q.eq("programId", programId).eq("status", "enrolled"))
    .paginate({ numItems: REVIEW_PAGE, cursor });
  for (const e of page.page) await settleAndTell(ctx, program, e, sessions, now);
  return page.isDone ? null : page.continueCursor;
}

/** After a session's grace period: completion and at-risk for the cohort (one email each, once). */
export const review = internalMutation({
  args: { programId: v.id("programs"), cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { programId, cursor }) => {
    const next = await reviewPage(ctx, programId, cursor);
    if (next !== null) await ctx.scheduler.runAfter(0, internal.programs.jobs.review, { programId, cursor: next });
    return null;
  },
});

/** The completion criteria changed: the same review, at once. */
export const resettle = internalMutation({
  args: { programId: v.id("programs"), cursor: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { programId, cursor }) => {
    const next = await reviewPage(ctx, programId, cursor);
    if (next !== null) await ctx.scheduler.runAfter(0, internal.programs.jobs.resettle, { programId, cursor: next });
    return null;
  },
});
