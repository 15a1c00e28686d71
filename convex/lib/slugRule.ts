// The rule for org addresses (slugs), pure so that the server (requireSlug) and the create
// form (instant feedback) apply the same one. Availability is the server's call.
import { LIMITS } from "./vocabulary";

// Paths under /org/ and top-level routes an org slug must never shadow.
const RESERVED_SLUGS = new Set([
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
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a slug is not acceptable, or undefined: 3–48 chars of a-z, 0-9 and single inner hyphens; not reserved. */
export function slugProblem(slug: string): string | undefined {
  const { min, max } = LIMITS.slug;
  if (slug.length < min || slug.length > max) return `The address must be ${min}–${max} characters long.`;
  if (!SLUG_PATTERN.test(slug)) return "Use lowercase letters, digits and single hyphens, not at the start or end.";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved.`;
  return undefined;
}
