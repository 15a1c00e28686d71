// Fast setup for browser tests: accounts, orgs and memberships made straight through the
// backend's public API (as the users themselves), so a test's browser steps cover only the
// behaviour under test.
import { ConvexHttpClient } from "convex/browser";
import { inject } from "vitest";
import { api } from "../convex/_generated/api";
import type { Id } from "../convex/_generated/dataModel";

export const PASSWORD = "correct-horse-1";

export type Account = { name: string; email: string; client: ConvexHttpClient };

function client() {
  return new ConvexHttpClient(inject("backendUrl"), { skipConvexDeploymentUrlCheck: true, logger: false });
}

/** Signs up a password account and returns a client acting as that user. */
export async function createAccount(name: string, email: string): Promise<Account> {
  const c = client();
  const result = (await c.action(api.auth.signIn, {
    provider: "password",
    params: { email, password: PASSWORD, name, flow: "signUp" },
  })) as { tokens?: { token: string } | null };
  if (!result.tokens) throw new Error(`sign-up of ${email} returned no tokens`);
  c.setAuth(result.tokens.token);
  return { name, email, client: c };
}

let orgCounter = 0;
/** An org (public unless asked) with `admin` as its admin and `members` joined through an invite link. */
export async function createOrgWithMembers(
  admin: Account,
  members: Account[],
  prefix = "E2E Events",
  visibility: "public" | "private" = "public",
) {
  orgCounter += 1;
  const suffix = `${Date.now().toString(36)}-${orgCounter}`;
  const name = `${prefix} ${suffix}`;
  const { orgId, slug } = await admin.client.mutation(api.orgs.mutations.createOrg, {
    name,
    slug: `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`,
    visibility,
  });
  for (const member of members) {
    const { token } = await admin.client.mutation(api.orgs.invites.createInvite, { orgId });
    await member.client.mutation(api.orgs.invites.joinByInvite, { token });
  }
  return { orgId: orgId as Id<"organizations">, slug, name };
}
