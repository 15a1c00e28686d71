// What publishing tells the admin before they confirm.
import { v } from "convex/values";
import { orgAdminQuery } from "../lib/functions";

/**
 * How many members publishing an event of this org notifies: everyone in it but the publishing
 * admin (by email at once or in their digest, as each chose; the inbox in any case). Read from
 * the maintained member count, never by scanning members.
 */
export const publishAudience = orgAdminQuery({
  args: {},
  returns: v.object({ members: v.number() }),
  handler: async (ctx) => ({ members: Math.max(0, ctx.org.memberCount - 1) }),
});
