/** Org addresses (slugs): mirrors convex/lib/validation.ts requireSlug for instant feedback. */
import { LIMITS } from "@convex/lib/vocabulary";

const SLUG_LIMITS = LIMITS.slug;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = new Set([
  "new",
  "admin",
  "api",
  "settings",
  "create",
  "edit",
  "join",
  "invite",
  "invites",
  "login",
  "logout",
  "signin",
  "signup",
  "sign-in",
  "sign-up",
  "search",
  "explore",
  "about",
  "help",
  "www",
  "dashboard",
  "org",
  "orgs",
  "events",
  "me",
  "profile",
  "members",
  "static",
  "assets",
]);

/** "AI Safety Berlin!" → "ai-safety-berlin". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_LIMITS.max)
    .replace(/-+$/g, "");
}

/** Why a slug is not acceptable, or undefined when it is (availability is the server's call). */
export function checkSlug(slug: string): string | undefined {
  if (slug.length < SLUG_LIMITS.min || slug.length > SLUG_LIMITS.max) {
    return `The address must be ${SLUG_LIMITS.min}–${SLUG_LIMITS.max} characters long.`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return "Use lowercase letters, digits and single hyphens, not at the start or end.";
  }
  if (RESERVED.has(slug)) return `"${slug}" is reserved.`;
  return undefined;
}
