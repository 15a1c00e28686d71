// Calls the internal seed function with an admin key (the local backend's, or a deploy key).
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";

type SeedResult = { created: boolean; logins: { name: string; email: string; password: string; role: string }[] };

export async function seedDemoWorld(url: string, adminKey: string): Promise<SeedResult> {
  const client = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false });
  (client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
  const result = (await client.action(makeFunctionReference<"action">("seed/demo:run") as never, {})) as SeedResult;
  if (!result.created) console.log("Demo data already present; nothing seeded.");
  console.log("\nDemo logins (every demo member, e.g. firstname@demo.astn.org, has the same password):");
  for (const login of result.logins)
    console.log(`  ${login.role.padEnd(7)} ${login.email.padEnd(28)} ${login.password}  (${login.name})`);
  return result;
}

/** Brings data written by earlier versions up to date (org time zones, current zone names). */
export async function migrateStore(url: string, adminKey: string): Promise<void> {
  const client = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true, logger: false });
  (client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
  await client.mutation(makeFunctionReference<"mutation">("orgs/backfill:run") as never, {});
}
