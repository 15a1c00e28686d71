/** Org addresses (slugs): the server's own rule (convex/lib/slugRule.ts) for instant feedback. */
import { slugProblem } from "@convex/lib/slugRule";
import { LIMITS } from "@convex/lib/vocabulary";

const SLUG_LIMITS = LIMITS.slug;

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
export const checkSlug = slugProblem;
