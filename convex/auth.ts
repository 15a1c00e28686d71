import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { internal } from "./_generated/api";
import { appError } from "./lib/errors";
import { checkPasswordStrength, LIMITS, normalizeEmail, requireText } from "./lib/validation";

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [
    Password({
      // Runs for every flow. Errors are ConvexErrors so their code and field reach the form
      // even on a production deployment, where plain error messages are redacted.
      async profile(params, ctx) {
        const email = normalizeEmail("email", String(params.email ?? ""));
        if (params.flow !== "signUp") return { email };
        const name = requireText("name", String(params.name ?? ""), LIMITS.name, "name");
        const existing = await ctx.runQuery(internal.users.queries.existsByEmail, { email });
        if (existing) {
          throw appError("CONFLICT", "An account with this email already exists.", "email");
        }
        return { email, name };
      },
      validatePasswordRequirements(password) {
        checkPasswordStrength("password", password);
      },
    }),
  ],
});
