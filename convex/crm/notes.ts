// Admin notes on a member: private to the org's admins, shown on the member's record and its
// timeline with author and time. Only the author edits or deletes a note; writes are
// length-checked and rate-limited per admin.
import { v } from "convex/values";
import { appError } from "../lib/errors";
import { orgAdminMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { requireText } from "../lib/validation";
import { CRM_RECORD_LIMITS } from "../lib/vocabulary";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { requireMemberOf } from "./record";
import { addTimelineEntry } from "./recordTimeline";

const checkBody = (body: string) =>
  requireText("body", body, CRM_RECORD_LIMITS.noteBody, "the note", { multiline: true });

/** The note, in this org, written by the caller; NOT_FOUND / FORBIDDEN otherwise. */
async function ownNote(ctx: MutationCtx, orgId: Id<"organizations">, userId: Id<"users">, noteId: Id<"crmNotes">) {
  const note = await ctx.db.get("crmNotes", noteId);
  if (note === null || note.orgId !== orgId) throw appError("NOT_FOUND", "This note does not exist.");
  if (note.authorId !== userId) throw appError("FORBIDDEN", "Only the note's author can change it.");
  return note;
}

export const addNote = orgAdminMutation({
  args: { userId: v.id("users"), body: v.string() },
  returns: v.id("crmNotes"),
  handler: async (ctx, { userId, body }) => {
    const text = checkBody(body);
    await requireMemberOf(ctx, ctx.org._id, userId);
    await enforceLimit(ctx, "crmNote", ctx.user._id);
    const now = Date.now();
    const noteId = await ctx.db.insert("crmNotes", {
      orgId: ctx.org._id,
      userId,
      authorId: ctx.user._id,
      body: text,
      createdAt: now,
    });
    const timelineId = await addTimelineEntry(ctx, {
      orgId: ctx.org._id,
      userId,
      at: now,
      kind: "note",
      noteId,
      by: ctx.user._id,
    });
    await ctx.db.patch("crmNotes", noteId, { timelineId });
    return noteId;
  },
});

export const updateNote = orgAdminMutation({
  args: { noteId: v.id("crmNotes"), body: v.string() },
  returns: v.null(),
  handler: async (ctx, { noteId, body }) => {
    const text = checkBody(body);
    const note = await ownNote(ctx, ctx.org._id, ctx.user._id, noteId);
    await requireMemberOf(ctx, ctx.org._id, note.userId);
    await enforceLimit(ctx, "crmNote", ctx.user._id);
    await ctx.db.patch("crmNotes", noteId, { body: text, updatedAt: Date.now() });
    return null;
  },
});

export const deleteNote = orgAdminMutation({
  args: { noteId: v.id("crmNotes") },
  returns: v.null(),
  handler: async (ctx, { noteId }) => {
    const note = await ownNote(ctx, ctx.org._id, ctx.user._id, noteId);
    if (note.timelineId !== undefined) await ctx.db.delete("memberTimeline", note.timelineId);
    await ctx.db.delete("crmNotes", noteId);
    return null;
  },
});
