import { formatDistanceToNowStrict } from "date-fns";

/** "in 6 days", "3 hours ago" (dates themselves: ~/lib/time). */
export function formatRelative(ms: number): string {
  return formatDistanceToNowStrict(ms, { addSuffix: true });
}
