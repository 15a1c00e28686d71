// Rate limits (@convex-dev/rate-limiter): one line in a handler, `await enforceLimit(ctx, "rsvp",
// userId)`, refuses the call with RATE_LIMITED and the time until a retry can succeed.
import { RateLimiter } from "@convex-dev/rate-limiter";
import { ConvexError } from "convex/values";
import { components } from "../_generated/api";
import { type AppErrorData, RATE_LIMITS, type RateLimitName, rateLimitMessage } from "./vocabulary";

export const rateLimiter = new RateLimiter(components.rateLimiter, RATE_LIMITS);

type RunMutationCtx = Parameters<typeof rateLimiter.limit>[0];

/** RATE_LIMITED, saying when to try again (`retryAfter` in ms in the error data). */
export function rateLimited(retryAfter: number, message = "Too many attempts.") {
  const wait = Math.max(0, Math.ceil(retryAfter));
  const data: AppErrorData = {
    code: "RATE_LIMITED",
    message: rateLimitMessage(wait, message),
    retryAfter: wait,
  };
  return new ConvexError(data);
}

/** Takes one token from the named limit (per key, or shared when no key); throws when empty. */
export async function enforceLimit(ctx: RunMutationCtx, name: RateLimitName, key?: string): Promise<void> {
  const status = await rateLimiter.limit(ctx, name, key === undefined ? {} : { key });
  if (!status.ok) throw rateLimited(status.retryAfter);
}
