// The demo world: believable people for trying the product. Grows as features land.
import { createAccount } from "@convex-dev/auth/server";
import { v } from "convex/values";
import { internal } from "../_generated/api";
import { internalAction, internalQuery } from "../_generated/server";

export const DEMO_PASSWORD = "demo-password-1";

const PEOPLE = [
  { name: "Ada Okafor", email: "ada@demo.astn.org", role: "admin" },
  { name: "Ben Lindqvist", email: "ben@demo.astn.org", role: "admin" },
  { name: "Chen Wei", email: "chen@demo.astn.org", role: "member" },
] as const;

const loginShape = v.object({ name: v.string(), email: v.string(), password: v.string(), role: v.string() });

export const run = internalAction({
  args: {},
  returns: v.object({ created: v.boolean(), logins: v.array(loginShape) }),
  handler: async (ctx) => {
    const logins = PEOPLE.map((p) => ({ name: p.name, email: p.email, password: DEMO_PASSWORD, role: p.role }));
    if (await ctx.runQuery(internal.seed.demo.hasUsers, {})) return { created: false, logins };
    for (const person of PEOPLE) {
      await createAccount(ctx, {
        provider: "password",
        account: { id: person.email, secret: DEMO_PASSWORD },
        profile: { name: person.name, email: person.email },
      });
    }
    return { created: true, logins };
  },
});

export const hasUsers = internalQuery({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => (await ctx.db.query("users").first()) !== null,
});
