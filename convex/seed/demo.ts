// The demo world: believable people and orgs for trying the product. Grows as features land.
// Runs once into an empty deployment (npm run dev does it; npm run seed on demand).
import { createAccount } from "@convex-dev/auth/server";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { addMembership, checkOrgFields } from "../orgs/model";
import { computeCompleteness, DEFAULT_PRIVACY } from "../profiles/model";
import { careerStageValidator, defaultNotificationPreferences } from "../lib/vocabulary";
import { PEOPLE, ORGS } from "./data";
import { demoJoinedAt, seedNotes } from "./crmRecord";
import { seedEngagement } from "./engagement";
import { DEMO_EVENTS, seedOrgEvents } from "./events";
import { seedTags } from "./tags";
import { seedPrograms } from "./programs";

export const DEMO_PASSWORD = "demo-password-1";

const loginShape = v.object({ name: v.string(), email: v.string(), password: v.string(), role: v.string() });

export const run = internalAction({
  args: {},
  returns: v.object({ created: v.boolean(), logins: v.array(loginShape) }),
  handler: async (ctx) => {
    const logins = PEOPLE.filter((p) => p.login).map((p) => ({
      name: p.name,
      email: p.email,
      password: DEMO_PASSWORD,
      role: p.login!,
    }));
    if (await ctx.runQuery(internal.seed.demo.hasUsers, {})) {
      // Data seeded before the member directory or the community-stats counters existed gets
      // them now.
      await ctx.runMutation(internal.crm.directoryBackfill.backfillMissing, {});
      await ctx.runMutation(internal.crm.statsBackfill.backfillMissing, {});
      return { created: false, logins };
    }
    const people: { userId: Id<"users">; index: number }[] = [];
    for (const [index, person] of PEOPLE.entries()) {
      const { user } = await createAccount(ctx, {
        provider: "password",
        account: { id: person.email, secret: DEMO_PASSWORD },
        profile: { name: person.name, email: person.email },
      });
      people.push({ userId: user._id as Id<"users">, index });
    }
    await ctx.runMutation(internal.seed.demo.populate, { people });
    // One transaction per org: each one's events, attendance, programs, scores, notes and tags
    // write thousands of documents and index ranges, more than Convex allows in one.
    for (const orgIndex of ORGS.keys()) await ctx.runMutation(internal.seed.demo.populateOrg, { people, orgIndex });
    return { created: true, logins };
  },
});

export const hasUsers = internalQuery({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => (await ctx.db.query("users").first()) !== null,
});

/** Profiles for the accounts `run` created. */
export const populate = internalMutation({
  args: { people: v.array(v.object({ userId: v.id("users"), index: v.number() })) },
  returns: v.null(),
  handler: async (ctx, { people }) => {
    const now = Date.now();
    for (const { userId, index } of people) {
      const person = PEOPLE[index]!;
      const fields = {
        name: person.name,
        headline: person.headline,
        location: person.location,
        skills: person.skills,
        careerStage: person.careerStage as typeof careerStageValidator.type,
      };
      await ctx.db.insert("profiles", {
        userId,
        ...fields,
        timezone: person.timezone,
        notificationPreferences: defaultNotificationPreferences(person.timezone),
        privacy: { ...DEFAULT_PRIVACY, location: index % 3 === 0, email: index % 4 === 0 },
        shareLocationForSuggestions: person.login !== undefined,
        completeness: computeCompleteness(fields),
        updatedAt: now,
      });
    }
    return null;
  },
});

/** One demo org with its memberships, events, attendance, programs, scores, notes and tags. */
export const populateOrg = internalMutation({
  args: { people: v.array(v.object({ userId: v.id("users"), index: v.number() })), orgIndex: v.number() },
  returns: v.null(),
  handler: async (ctx, { people: accounts, orgIndex }) => {
    const now = Date.now();
    const userIdByIndex = new Map(accounts.map((p) => [p.index, p.userId]));
    {
      const org = ORGS[orgIndex]!;
      const { slug, admins, members, ...rest } = org;
      const { requests = [], ...input } = rest as typeof rest & { requests?: number[] };
      const orgId = await ctx.db.insert("organizations", {
        ...checkOrgFields(input),
        slug,
        memberCount: 0,
        createdBy: userIdByIndex.get(admins[0]!)!,
        createdAt: now - 400 * 86_400_000,
      });
      let position = 0;
      for (const [role, indexes] of [
        ["admin", admins],
        ["member", members],
      ] as const) {
        for (const index of indexes) {
          const org = (await ctx.db.get("organizations", orgId))!;
          const joinedAt = demoJoinedAt(position++, admins.length + members.length, now);
          await addMembership(ctx, org, userIdByIndex.get(index)!, role, joinedAt);
        }
      }
      for (const [i, index] of requests.entries()) {
        const message = i === 0 ? "I read the sequences last year and would love to join the discussions." : undefined;
        await ctx.db.insert("joinRequests", {
          orgId,
          userId: userIdByIndex.get(index)!,
          message,
          createdAt: now - (i + 1) * 3_600_000,
        });
      }
      const people = [...admins, ...members].map((index) => userIdByIndex.get(index)!);
      await seedOrgEvents(ctx, orgId, people[0]!, people, DEMO_EVENTS[slug] ?? [], now);
      if (org === ORGS[0]) await seedPrograms(ctx, orgId, people[0]!, people, "Europe/Berlin", now);
      // The first org's admin has set two levels by hand, with their reasons.
      const overrides =
        org === ORGS[0] && people.length > 3
          ? [
              {
                userId: people[people.length - 1]!,
                level: "engaged" as const,
                reason: "Runs the reading group's online sessions, which are not tracked as events yet.",
              },
              {
                userId: people[people.length - 2]!,
                level: "low_engagement" as const,
                reason: "On a research visit abroad until spring; keep them on the list but out of the core group.",
              },
            ]
          : [];
      await seedEngagement(ctx, orgId, people[0]!, overrides, now);
      await seedNotes(ctx, orgId, people[0]!, people.slice(admins.length), now);
      await seedTags(ctx, orgId, people[0]!, people, now);
    }
    return null;
  },
});
