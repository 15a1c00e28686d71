import { Email } from "@convex-dev/auth/providers/Email";
import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { ConvexError } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { ActionCtx } from "./_generated/server";
import { appError } from "./lib/errors";
import { enforceLimit, rateLimited } from "./lib/rateLimits";
import { checkPasswordStrength, normalizeEmail, requireText } from "./lib/validation";
import { LIMITS, MAX_FAILED_SIGN_INS_PER_HOUR } from "./lib/vocabulary";

/** Reset codes: 8 digits, valid 15 minutes; Convex Auth limits wrong guesses per code. */
const resetByEmail = Email({
  id: "password-reset",
  maxAge: 15 * 60,
  generateVerificationToken() {
    const digits = crypto.getRandomValues(new Uint32Array(8));
    return Promise.resolve(Array.from(digits, (d) => String(d % 10)).join(""));
  },
  // Convex Auth passes the action's ctx as a second argument its types don't declare.
  sendVerificationRequest: (async (
    { identifier, token, expires }: { identifier: string; token: string; expires: Date },
    ctx: ActionCtx,
  ) => {
    await ctx.runMutation(internal.users.account.sendResetCode, {
      email: identifier,
      code: token,
      expiresAt: expires.getTime(),
    });
  }) as unknown as (params: { identifier: string }) => Promise<void>,
});

const password = Password({
  reset: resetByEmail,
  // Runs (synchronously) for every flow; its errors are ConvexErrors so the form can place them.
  profile(params): { email: string; name?: string } {
    const email = normalizeEmail("email", String(params.email ?? ""));
    if (params.flow !== "signUp") return { email };
    const name = requireText("name", String(params.name ?? ""), LIMITS.name, "name");
    return { email, name };
  },
  validatePasswordRequirements(password) {
    checkPasswordStrength("password", password);
  },
});

type Authorize = (
  params: Record<string, unknown>,
  ctx: Parameters<NonNullable<typeof password.authorize>>[1],
) => Promise<{ userId: string; sessionId?: string } | null>;

// The library reports a taken email, an unknown email, a wrong password and a lockout with
// plain Errors ("Account … already exists", "InvalidAccountId", "InvalidSecret",
// "TooManyFailedAttempts"), whose messages a production deployment redacts. Turn them into
// ConvexErrors with stable codes; unknown email and wrong password answer alike.
// Convex Auth merges the provider's `options` over the provider, so the `authorize` that runs
// is the one in `options`: wrap that one.
const options = (
  password as unknown as {
    options: {
      authorize: Authorize;
      crypto: {
        hashSecret(secret: string): Promise<string>;
        verifySecret(secret: string, hash: string): Promise<boolean>;
      };
    };
  }
).options;
const authorize = options.authorize;

// An unknown email skips the password hash check the library does for a known one; do an
// equivalent check against a throwaway hash so the answer takes as long either way.
let throwawayHash: Promise<string> | undefined;
async function checkAgainstThrowawayHash(secret: string) {
  throwawayHash ??= options.crypto.hashSecret(`unused-${Math.random()}`);
  await options.crypto.verifySecret(secret, await throwawayHash);
}

options.authorize = async (params, ctx) => {
  const flow = params.flow;
  if (flow === "signUp" || flow === "signIn") {
    const email = normalizeEmail("email", String(params.email ?? ""));
    if (flow === "signUp") {
      await enforceLimit(ctx, "signUpGlobal");
      await enforceLimit(ctx, "signUpPerEmail", email);
      if (await ctx.runQuery(internal.users.queries.passwordAccountExists, { email })) {
        throw appError("CONFLICT", "An account with this email already exists.", "email");
      }
    } else {
      await enforceLimit(ctx, "signInGlobal");
      await enforceLimit(ctx, "signInPerEmail", email);
    }
  }
  if (flow === "reset") {
    const email = normalizeEmail("email", String(params.email ?? ""));
    await enforceLimit(ctx, "passwordResetGlobal");
    await enforceLimit(ctx, "passwordResetPerEmail", email);
    // An unknown email answers like a known one: "if there is an account, a code is on its way".
    if (!(await ctx.runQuery(internal.users.queries.passwordAccountExists, { email }))) return null;
  }
  let result: Awaited<ReturnType<Authorize>>;
  try {
    result = await authorize(params, ctx);
  } catch (error) {
    if (error instanceof ConvexError) throw error;
    if (flow === "reset-verification") {
      throw appError("INVALID_ARGUMENT", "This code is wrong or has expired. Ask for a new one.", "code");
    }
    if (flow !== "signIn") throw error;
    if (String((error as Error).message).includes("TooManyFailedAttempts")) {
      const email = normalizeEmail("email", String(params.email ?? ""));
      const retryAfter = await ctx.runQuery(internal.users.queries.signInLockoutRemaining, {
        email,
        maxFailedPerHour: MAX_FAILED_SIGN_INS_PER_HOUR,
      });
      throw rateLimited(retryAfter, "Too many failed sign-in attempts.");
    }
    if (String((error as Error).message).includes("InvalidAccountId")) {
      await checkAgainstThrowawayHash(String(params.password ?? ""));
    }
    throw appError("UNAUTHENTICATED", "Wrong email or password.");
  }
  // Every account has a profile in the browser's zone from the start (older accounts get one
  // at their next sign-in), so emails never fall back to UTC.
  if (result !== null && (flow === "signUp" || flow === "signIn")) {
    await ctx.runMutation(internal.users.account.ensureInitialProfile, {
      userId: result.userId as Id<"users">,
      timezone: typeof params.timezone === "string" ? params.timezone : undefined,
    });
  }
  return result;
};

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [password],
  signIn: { maxFailedAttempsPerHour: MAX_FAILED_SIGN_INS_PER_HOUR },
});
