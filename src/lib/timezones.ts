import { allTimeZones, canonicalTimeZone, friendlyTimeZoneName, timeZoneCity } from "@convex/lib/timezoneNames";

/** The browser's IANA time zone by its current name (UTC when it can't tell). */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return (zone && canonicalTimeZone(zone)) || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every IANA zone the runtime knows (current names), with `include` (e.g. the saved value) always present. */
export function timeZoneOptions(include?: string): string[] {
  const all = allTimeZones();
  const extra = include ? (canonicalTimeZone(include) ?? include) : undefined;
  if (extra && !all.includes(extra)) return [...all, extra].sort((a, b) => a.localeCompare(b, "en"));
  return all;
}

function offsetOf(zone: string, now: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/** "Europe/Berlin" → "Europe/Berlin (GMT+2)". */
export function timeZoneLabel(zone: string, now = new Date()): string {
  const part = offsetOf(zone, now);
  return part ? `${zone.replace(/_/g, " ")} (${part})` : zone;
}

export type TimeZoneOption = { zone: string; label: string; detail: string; search: string };

/** Picker rows: "Berlin" / "Europe/Berlin · Central European Time · GMT+1", searchable by all of it. */
export function timeZonePickerOptions(include?: string, now = new Date()): TimeZoneOption[] {
  return timeZoneOptions(include).map((zone) => {
    const friendly = friendlyTimeZoneName(zone, now);
    const offset = offsetOf(zone, now) ?? "";
    const label = zone === "UTC" ? "UTC" : timeZoneCity(zone);
    const detail = [zone === "UTC" ? undefined : zone.replace(/_/g, " "), friendly, offset].filter(Boolean).join(" · ");
    return { zone, label, detail, search: `${zone} ${zone.replace(/_/g, " ")} ${friendly} ${offset}`.toLowerCase() };
  });
}

export { friendlyTimeZoneName };
