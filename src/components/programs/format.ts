import { formatInTimeZone } from "date-fns-tz";

import type { Progress } from "./data";

/** "Tue 17 Mar, 18:30" in the program's zone. */
export function sessionWhen(ms: number, timezone: string): string {
  return formatInTimeZone(ms, timezone, "EEE d MMM yyyy, HH:mm");
}

/** "2026-03-03" → "3 Mar 2026" (a calendar date; no zone conversion). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "5 of 8". */
export function progressText(p: Progress): string {
  return `${p.attended} of ${p.total}`;
}

export function requirementText(p: Progress, countExcused: boolean): string {
  return `Attend at least ${p.required} of ${p.total} sessions${countExcused ? " (excused absences count)" : ""} to complete.`;
}
