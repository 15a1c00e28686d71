import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { internalQuery } from "../_generated/server";
import { appError } from "../lib/errors";
import { env } from "../lib/env";
import { userQuery } from "../lib/functions";
import { emailStatusValidator, notificationKindValidator } from "../lib/vocabulary";

const mailboxEntryValidator = v.object({
  _id: v.id("emails"),
  to: v.string(),
  kind: notificationKindValidator,
  subject: v.string(),
  html: v.string(),
  text: v.string(),
  eventId: v.optional(v.id("events")),
  status: emailStatusValidator,
  createdAt: v.number(),
});

function toMailboxEntry(e: Doc<"emails">) {
  return {
    _id: e._id,
    to: e.to,
    kind: e.kind,
    subject: e.subject,
    html: e.html,
    text: e.text,
    eventId: e.eventId,
    status: e.status,
    createdAt: e.createdAt,
  };
}

/**
 * The development mailbox (/dev/mailbox): the emails the app recorded for the signed-in
 * caller, newest first. Only on the local backend (ASTN_LOCAL_BACKEND=1); anywhere else
 * FORBIDDEN. A web page the developer visits cannot read anyone's mail without their session.
 */
export const devMailbox = userQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(mailboxEntryValidator),
  handler: async (ctx, { paginationOpts }) => {
    if (!env.isLocalBackend()) {
      throw appError("FORBIDDEN", "The dev mailbox is only available on the local backend.");
    }
    const page = await ctx.db
      .query("emails")
      .withIndex("by_user_created", (q) => q.eq("userId", ctx.user._id))
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, 50) });
    return { ...page, page: page.page.map(toMailboxEntry) };
  },
});

/** Every recorded email, newest first: for scripts and tests holding the admin key. */
export const allRecordedEmails = internalQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(mailboxEntryValidator),
  handler: async (ctx, { paginationOpts }) => {
    const page = await ctx.db
      .query("emails")
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, 100) });
    return { ...page, page: page.page.map(toMailboxEntry) };
  },
});
