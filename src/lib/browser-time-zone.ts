import { canonicalTimeZone } from "@convex/lib/timezoneAliases";

/** The browser's IANA time zone by its current name (UTC when it can't tell). */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return (zone && canonicalTimeZone(zone)) || "UTC";
  } catch {
    return "UTC";
  }
}
