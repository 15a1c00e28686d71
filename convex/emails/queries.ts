import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { appError } from "../lib/errors";
import { env } from "../lib/env";
import { publicQuery } from "../lib/functions";
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

/**
 * The development mailbox (/dev/mailbox): every email the app recorded, newest first.
 * Only on the local backend (ASTN_LOCAL_BACKEND=1); anywhere else FORBIDDEN, whoever asks.
 */
export const devMailbox = publicQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(mailboxEntryValidator),
  handler: async (ctx, { paginationOpts }) => {
    if (!env.isLocalBackend()) {
      throw appError("FORBIDDEN", "The dev mailbox is only available on the local backend.");
    }
    const page = await ctx.db
      .query("emails")
      .order("desc")
      .paginate({ ...paginationOpts, numItems: Math.min(paginationOpts.numItems, 50) });
    return {
      ...page,
      page: page.page.map((e) => ({
        _id: e._id,
        to: e.to,
        kind: e.kind,
        subject: e.subject,
        html: e.html,
        text: e.text,
        eventId: e.eventId,
        status: e.status,
        createdAt: e.createdAt,
      })),
    };
  },
});
