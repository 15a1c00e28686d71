/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import resend from "@convex-dev/resend/test";
import rateLimiter from "@convex-dev/rate-limiter/test";
import workpool from "@convex-dev/workpool/test";
import type { GenericSchema, SchemaDefinition } from "convex/server";
import type { TestConvex } from "convex-test";
import schema from "./schema";

export const modules = import.meta.glob(["./**/*.*s", "!./**/*.test.*s"]);

/**
 * A fresh in-memory backend with the app's components and Convex's per-transaction
 * limits enforced, so a test fails where production would.
 */
export function newTest() {
  const t = convexTest({ schema, modules, transactionLimits: true });
  const anyT = t as unknown as TestConvex<SchemaDefinition<GenericSchema, boolean>>;
  // The resend test helper does not register its nested components; do it here.
  resend.register(anyT, "resend");
  rateLimiter.register(anyT, "resend/rateLimiter");
  rateLimiter.register(anyT, "rateLimiter");
  workpool.register(anyT, "engagementWorkpool");
  workpool.register(anyT, "resend/emailWorkpool");
  workpool.register(anyT, "resend/callbackWorkpool");
  return t;
}

export type TestBackend = ReturnType<typeof newTest>;

let userCounter = 0;

/** Creates a user row and returns an accessor acting as that user (subject is userId|sessionId). */
export async function signedInUser(t: TestBackend, fields: { name?: string; email?: string } = {}) {
  userCounter += 1;
  const name = fields.name ?? `User ${userCounter}`;
  const email = fields.email ?? `user${userCounter}@example.com`;
  const userId = await t.run(async (ctx) => ctx.db.insert("users", { name, email }));
  const sessionId = await t.run(async (ctx) =>
    ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 86_400_000 }),
  );
  return { userId, as: t.withIdentity({ subject: `${userId}|${sessionId}` }) };
}
