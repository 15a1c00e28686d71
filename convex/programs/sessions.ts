// The event page of a session links back to its program: "Session 3 of 8 · <program>". Only for
// members of the org who can see the program (drafts: admins); null for everyone else and for
// events outside programs, so the page asks without knowing which it is. Reads: the event, the
// membership, the program and the sessions before this one (≤ PROGRAM_LIMITS.maxSessions).
import { v } from "convex/values";
import { getMembership } from "../lib/access";
import { publicQuery } from "../lib/functions";
import { PROGRAM_LIMITS } from "../lib/vocabulary";

export const sessionProgram = publicQuery({
  args: { eventId: v.id("events") },
  returns: v.union(
    v.object({
      programId: v.id("programs"),
      name: v.string(),
      orgSlug: v.string(),
      index: v.union(v.number(), v.null()), // 1-based among sessions not cancelled; null if this one is
      total: v.number(),
    }),
    v.null(),
  ),
  handler: async (ctx, { eventId }) => {
    if (ctx.viewerId === null) return null;
    const event = await ctx.db.get("events", eventId);
    if (event === null || event.programId === undefined) return null;
    const membership = await getMembership(ctx, event.orgId, ctx.viewerId);
    if (membership === null) return null;
    const isAdmin = membership.role === "admin";
    if (event.status === "draft" && !isAdmin) return null;
    const program = await ctx.db.get("programs", event.programId);
    const org = await ctx.db.get("organizations", event.orgId);
    if (program === null || org === null || (program.status === "draft" && !isAdmin)) return null;
    const earlier = await ctx.db
      .query("events")
      .withIndex("by_program_start", (q) => q.eq("programId", program._id).lt("startTime", event.startTime))
      .take(PROGRAM_LIMITS.maxSessions);
    const index =
      event.status === "cancelled"
        ? null
        : earlier.filter((s) => s.status !== "cancelled" && (isAdmin || s.status !== "draft")).length + 1;
    return { programId: program._id, name: program.name, orgSlug: org.slug, index, total: program.sessionCount };
  },
});
