// "Add a member" to a program: a server-side search over the org's members, so any member of a
// large org can be found. By name through the member directory's search index (the "all" facet
// holds one row per member), or by a whole email address through the users' email index —
// matched only for members who share their email with admins, so the search reveals no more
// than the member list does. Reads per call: at most candidateResults directory rows (or one
// user, one membership, one profile) and one enrollment each; no writes, so nothing to
// rate-limit here (adding is rate-limited, see mutations.addParticipant).
import { v } from "convex/values";
import { orgAdminQuery } from "../lib/functions";
import { getMembership } from "../lib/access";
import { invalidArgument } from "../lib/errors";
import { normalizeEmail, requireText } from "../lib/validation";
import { enrollmentStatusValidator, PROGRAM_LIMITS } from "../lib/vocabulary";
import { displayName, getProfileByUser } from "../profiles/model";
import { ALL_FACET } from "../crm/directorySync";
import { getEnrollment, loadProgram } from "./model";

const candidateValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  status: v.union(enrollmentStatusValidator, v.null()), // their enrollment in this program, if any
});

export const searchCandidates = orgAdminQuery({
  args: { programId: v.id("programs"), search: v.string() },
  returns: v.array(candidateValidator),
  handler: async (ctx, { programId, search }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    if (search.trim() === "") return [];
    const text = requireText("search", search, PROGRAM_LIMITS.candidateSearch, "search");
    let people: { userId: (typeof candidateValidator.type)["userId"]; name: string }[];
    if (text.includes("@")) {
      let email: string;
      try {
        email = normalizeEmail("search", text);
      } catch {
        throw invalidArgument("search", "To search by email, type the whole address.");
      }
      const user = await ctx.db
        .query("users")
        .withIndex("email", (q) => q.eq("email", email))
        .first();
      const member = user === null ? null : await getMembership(ctx, ctx.org._id, user._id);
      const profile = user === null || member === null ? null : await getProfileByUser(ctx, user._id);
      people =
        user !== null && profile?.privacy.email === true
          ? [{ userId: user._id, name: displayName(profile, user) }]
          : [];
    } else {
      const rows = await ctx.db
        .query("memberDirectory")
        .withSearchIndex("search_name", (q) => q.search("name", text).eq("orgId", ctx.org._id).eq("facet", ALL_FACET))
        .take(PROGRAM_LIMITS.candidateResults);
      people = rows.map((r) => ({ userId: r.userId, name: r.name }));
    }
    return await Promise.all(
      people.map(async (p) => ({ ...p, status: (await getEnrollment(ctx, program._id, p.userId))?.status ?? null })),
    );
  },
});
