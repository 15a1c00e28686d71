// The guest list members see on an event page: who is going, by name and picture, honouring
// each person's "show me on guest lists" setting. Bounded: it reads a few dozen RSVPs, never
// the whole list (the total comes from the event's maintained counter).
import { v } from "convex/values";
import { eventMemberQuery } from "../lib/functions";
import { displayName, getProfileByUser, showsOnGuestLists } from "../profiles/model";

/** Faces shown; the rest are counted ("and 12 others"). */
export const GUEST_LIST_SHOWN = 12;
/** RSVPs read to find them (people hidden by their setting are skipped). */
const GUEST_LIST_SCAN = 40;

export const listGuests = eventMemberQuery({
  args: {},
  returns: v.object({
    guests: v.array(
      v.object({
        userId: v.id("users"),
        name: v.string(),
        image: v.optional(v.string()),
        isViewer: v.boolean(),
      }),
    ),
    going: v.number(),
  }),
  handler: async (ctx) => {
    const { event, user } = ctx;
    if (event.status === "draft") return { guests: [], going: 0 };
    const rows = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_status_order", (q) => q.eq("eventId", event._id).eq("rsvpStatus", "going"))
      .take(GUEST_LIST_SCAN);
    const guests = [];
    for (const row of rows) {
      if (guests.length >= GUEST_LIST_SHOWN) break;
      const [account, profile] = await Promise.all([
        ctx.db.get("users", row.userId),
        getProfileByUser(ctx, row.userId),
      ]);
      if (account === null || !showsOnGuestLists(profile)) continue;
      const image = account.image !== undefined && /^https:\/\//.test(account.image) ? account.image : undefined;
      guests.push({
        userId: row.userId,
        name: displayName(profile, account),
        image,
        isViewer: row.userId === user._id,
      });
    }
    return { guests, going: event.goingCount };
  },
});
