import { plural } from "~/lib/format";
import type { EventPage } from "./types";

/** The counts line: "12 going · 3 maybe · 2 on the waitlist". */
export function RsvpCounts({
  event,
}: {
  event: Pick<EventPage, "goingCount" | "maybeCount" | "waitlistCount" | "capacity" | "attendedCount" | "isPast">;
}) {
  if (event.isPast) return <span data-testid="rsvp-counts">{event.attendedCount.toLocaleString("en")} attended</span>;
  const parts = [`${event.goingCount.toLocaleString("en")} going`];
  if (event.maybeCount > 0) parts.push(`${event.maybeCount.toLocaleString("en")} maybe`);
  if (event.waitlistCount > 0) parts.push(`${event.waitlistCount.toLocaleString("en")} on the waitlist`);
  return <span data-testid="rsvp-counts">{parts.join(" · ")}</span>;
}

/** "5 spots left" / "Full" / nothing when there's no capacity. */
export function spotsLabel(event: Pick<EventPage, "capacity" | "spotsLeft" | "isPast">): string | null {
  if (event.isPast) return null;
  if (event.capacity === undefined || event.spotsLeft === null) return null;
  if (event.spotsLeft === 0) return `Full (${plural(event.capacity, "spot")})`;
  return `${plural(event.spotsLeft, "spot")} left of ${event.capacity.toLocaleString("en")}`;
}
