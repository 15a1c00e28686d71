import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { checkPasswordStrength, LIMITS, normalizeEmail, requireText } from "./lib/validation";

export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [
    Password({
      // Runs (synchronously) for every flow. Errors are ConvexErrors so their code and field
      // reach the form even on a production deployment, where plain error messages are redacted.
      // A taken email is reported by the library itself ("Account … already exists").
      profile(params) {
        const email = normalizeEmail("email", String(params.email ?? ""));
        if (params.flow !== "signUp") return { email };
        const name = requireText("name", String(params.name ?? ""), LIMITS.name, "name");
        return { email, name };
      },
      validatePasswordRequirements(password) {
        checkPasswordStrength("password", password);
      },
    }),
  ],
});
