// Query options other pages use without pulling in the programs feature: the event page's link
// back to a session's program (kept apart from data.ts so that page's JavaScript stays small).
import { convexQuery } from "@convex-dev/react-query";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export function sessionProgramQuery(eventId: string) {
  return convexQuery(api.programs.sessions.sessionProgram, { eventId: eventId as Id<"events"> });
}
