import { format, formatDistanceToNowStrict } from "date-fns";

/** "Mar 3, 2026". */
export function formatDate(ms: number): string {
  return format(ms, "MMM d, yyyy");
}

/** "in 6 days", "3 hours ago". */
export function formatRelative(ms: number): string {
  return formatDistanceToNowStrict(ms, { addSuffix: true });
}
