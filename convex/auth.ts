import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { ConvexError } from "convex/values";
import { internal } from "./_generated/api";
import { appError } from "./lib/errors";
import { checkPasswordStrength, normalizeEmail, requireText } from "./lib/validation";
import { LIMITS } from "./lib/vocabulary";

const password = Password({
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

// The library reports a taken email or a wrong password with plain Errors, whose messages a
// production deployment redacts. Turn them into ConvexErrors with stable codes.
const authorize = password.authorize!;
password.authorize = async (params, ctx) => {
  if (params.flow === "signUp") {
    const email = normalizeEmail("email", String(params.email ?? ""));
    if (await ctx.runQuery(internal.users.queries.passwordAccountExists, { email })) {
      throw appError("CONFLICT", "An account with this email already exists.", "email");
    }
  }
  try {
    return await authorize(params, ctx);
  } catch (error) {
    if (error instanceof ConvexError || params.flow !== "signIn") throw error;
    if (String((error as Error).message).includes("TooManyFailedAttempts")) {
      throw appError("RATE_LIMITED", "Too many failed attempts. Try again in a few minutes.");
    }
    throw appError("UNAUTHENTICATED", "Wrong email or password.");
  }
};

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [password],
});
