// Delivery status from the Resend component (its onEmailEvent callback, fed by the webhook).
import { vOnEmailEventArgs } from "@convex-dev/resend";
import { v, type Infer } from "convex/values";
import { internalMutation } from "../_generated/server";
import type { emailStatusValidator } from "../lib/vocabulary";

type EmailStatus = Infer<typeof emailStatusValidator>;

// Statuses only move forward, so a late "sent" never overwrites "delivered".
const RANK: Record<EmailStatus, number> = {
  recorded: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  bounced: 4,
  failed: 4,
};

function statusFor(type: string): EmailStatus | null {
  switch (type) {
    case "email.sent":
      return "sent";
    case "email.delivered":
      return "delivered";
    case "email.bounced":
      return "bounced";
    case "email.failed":
      return "failed";
    default:
      return null; // delivery_delayed, opened, clicked, complained: no change of status
  }
}

export const handleEmailEvent = internalMutation({
  args: vOnEmailEventArgs,
  returns: v.null(),
  handler: async (ctx, { id, event }) => {
    const email = await ctx.db
      .query("emails")
      .withIndex("by_resend_id", (q) => q.eq("resendEmailId", id))
      .unique();
    if (email === null) return null;
    const next = statusFor(event.type);
    if (next === null || RANK[next] <= RANK[email.status]) return null;
    const error =
      event.type === "email.bounced"
        ? event.data.bounce.message
        : event.type === "email.failed"
          ? event.data.failed.reason
          : undefined;
    await ctx.db.patch("emails", email._id, { status: next, error, updatedAt: Date.now() });
    return null;
  },
});
