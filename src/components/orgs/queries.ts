// Query options the org and invite pages' loaders need. Kept apart from data.ts (the mutation
// hooks) so that what those loaders ship with the app shell stays this small.
import { convexQuery } from "@convex-dev/react-query";

import { api } from "@convex/_generated/api";

export function orgQuery(slug: string) {
  return convexQuery(api.orgs.queries.getOrgBySlug, { slug });
}

export function invitePreviewQuery(token: string) {
  return convexQuery(api.orgs.invites.getInvitePreview, { token });
}
