// Profile rules shared by queries, mutations and other domains (orgs, engagement).
import { v, type Infer } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { locationValidator, privacyValidator } from "../schema";
import {
  careerStageValidator,
  defaultNotificationPreferences,
  notificationPreferencesValidator,
} from "../lib/vocabulary";

export type Privacy = Infer<typeof privacyValidator>;
export type { NotificationPreferences } from "../lib/vocabulary";

/** Admins see headline, career stage and skills by default; location and email are opt-in. */
export const DEFAULT_PRIVACY: Privacy = {
  headline: true,
  location: false,
  skills: true,
  careerStage: true,
  email: false,
  guestList: true,
};

/** Whether the person appears by name on guest lists (on unless they turned it off). */
export function showsOnGuestLists(profile: Doc<"profiles"> | null): boolean {
  return profile?.privacy.guestList !== false;
}

type CompletenessInput = Pick<Doc<"profiles">, "name" | "headline" | "location" | "skills" | "careerStage">;

/**
 * 0–100: five parts worth 20 each. Timezone is not counted because every profile has one.
 * The only place completeness is computed; every profile write goes through it.
 */
export function computeCompleteness(p: CompletenessInput): number {
  const parts = [
    p.name.trim().length > 0,
    (p.headline ?? "").length > 0,
    p.location !== undefined,
    p.skills.length > 0,
    p.careerStage !== undefined,
  ];
  return parts.filter(Boolean).length * 20;
}

export async function getProfileByUser(ctx: QueryCtx, userId: Id<"users">): Promise<Doc<"profiles"> | null> {
  return await ctx.db
    .query("profiles")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .unique();
}

/** The caller's profile, created with defaults when missing (settings can be saved first). */
export async function ensureProfile(ctx: MutationCtx, user: Doc<"users">, timezone = "UTC"): Promise<Doc<"profiles">> {
  const existing = await getProfileByUser(ctx, user._id);
  if (existing !== null) return existing;
  const fields = {
    userId: user._id,
    name: user.name ?? "",
    skills: [],
    timezone,
    notificationPreferences: defaultNotificationPreferences(timezone),
    privacy: DEFAULT_PRIVACY,
    shareLocationForSuggestions: false,
    updatedAt: Date.now(),
  };
  const id = await ctx.db.insert("profiles", { ...fields, completeness: computeCompleteness(fields) });
  return (await ctx.db.get("profiles", id))!;
}

/** The name admins and fellow members see. */
export function displayName(profile: Doc<"profiles"> | null, user: Doc<"users"> | null): string {
  const name = profile?.name || user?.name || "";
  return name.length > 0 ? name : "Unnamed member";
}

export const myProfileValidator = v.object({
  userId: v.id("users"),
  name: v.string(),
  email: v.string(),
  headline: v.optional(v.string()),
  location: v.optional(locationValidator),
  skills: v.array(v.string()),
  careerStage: v.optional(careerStageValidator),
  timezone: v.string(),
  notificationPreferences: notificationPreferencesValidator,
  privacy: privacyValidator,
  shareLocationForSuggestions: v.boolean(),
  completeness: v.number(),
  updatedAt: v.number(),
});

export function toMyProfile(profile: Doc<"profiles">, user: Doc<"users">) {
  return {
    userId: profile.userId,
    name: profile.name,
    email: user.email ?? "",
    headline: profile.headline,
    location: profile.location,
    skills: profile.skills,
    careerStage: profile.careerStage,
    timezone: profile.timezone,
    // Profiles saved before "After-event check-ins" existed have it on.
    notificationPreferences: {
      ...profile.notificationPreferences,
      attendancePrompts: profile.notificationPreferences.attendancePrompts ?? { enabled: true },
    },
    privacy: profile.privacy,
    shareLocationForSuggestions: profile.shareLocationForSuggestions,
    completeness: profile.completeness,
    updatedAt: profile.updatedAt,
  };
}

const NOTHING_SHARED: Privacy = { headline: false, location: false, skills: false, careerStage: false, email: false };

/**
 * A member's profile as an admin of one of their orgs may see it: the name always, every other
 * field only if the member shares it (`shared` says which). Completeness counts only the shared
 * fields, so it cannot reveal whether hidden ones are filled in. Every admin view uses this.
 */
export function toAdminProfileView(profile: Doc<"profiles"> | null, user: Doc<"users"> | null) {
  // The guest-list choice is about other members, not a field admins see: not part of `shared`.
  const { guestList: _guestList, ...shared } = profile?.privacy ?? NOTHING_SHARED;
  return {
    name: displayName(profile, user),
    completeness:
      profile === null
        ? 0
        : computeCompleteness({
            name: profile.name,
            headline: shared.headline ? profile.headline : undefined,
            location: shared.location ? profile.location : undefined,
            skills: shared.skills ? profile.skills : [],
            careerStage: shared.careerStage ? profile.careerStage : undefined,
          }),
    headline: shared.headline ? profile?.headline : undefined,
    location: shared.location ? profile?.location : undefined,
    skills: shared.skills ? profile?.skills : undefined,
    careerStage: shared.careerStage ? profile?.careerStage : undefined,
    email: shared.email ? user?.email : undefined,
    shared,
  };
}

export const adminProfileViewFields = {
  name: v.string(),
  completeness: v.number(),
  headline: v.optional(v.string()),
  location: v.optional(locationValidator),
  skills: v.optional(v.array(v.string())),
  careerStage: v.optional(careerStageValidator),
  email: v.optional(v.string()),
  shared: privacyValidator,
};
