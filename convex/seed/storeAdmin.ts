// A password login for the large local store's org under test (npm run store:build), so its
// admin can sign in and try the directory, stats and export at size.
import { createAccount } from "@convex-dev/auth/server";
import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import { internalAction } from "../_generated/server";

export const createLogin = internalAction({
  args: { name: v.string(), email: v.string(), password: v.string() },
  returns: v.id("users"),
  handler: async (ctx, { name, email, password }) => {
    const { user } = await createAccount(ctx, {
      provider: "password",
      account: { id: email, secret: password },
      profile: { name, email },
    });
    return user._id as Id<"users">;
  },
});
