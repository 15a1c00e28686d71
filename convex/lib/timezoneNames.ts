// Time zone names both sides share (pure). ICU (Node, Chromium) still reports some zones by the
// names CLDR froze years ago (Asia/Calcutta, Europe/Kiev): `Intl.supportedValuesOf` lists them and
// `resolvedOptions().timeZone` turns "Asia/Kolkata" back into "Asia/Calcutta". IANA renamed them;
// people look for the current names, so every picker, validation and email maps them here.

import { canonicalTimeZone, LEGACY_TIME_ZONES } from "./timezoneAliases";

export { canonicalTimeZone, LEGACY_TIME_ZONES } from "./timezoneAliases";

/** Every zone the runtime knows, by current name, sorted, with "UTC" first. */
export function allTimeZones(): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const current = new Set(zones.map((z) => LEGACY_TIME_ZONES[z] ?? z));
  current.delete("UTC");
  return ["UTC", ...[...current].sort((a, b) => a.localeCompare(b, "en"))];
}

function zonePart(zone: string, style: "longGeneric" | "long" | "shortOffset", at: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/**
 * A zone's name for people: "Central European Time", "Eastern Time", "India Standard Time",
 * "British Summer Time" (at that instant). ICU's generic name, unless it is only a location
 * ("United Kingdom Time") or an offset: then the long name of the moment, else the city.
 */
export function friendlyTimeZoneName(zone: string, at: Date = new Date()): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "Coordinated Universal Time";
  const generic = zonePart(zone, "longGeneric", at);
  const long = zonePart(zone, "long", at);
  if (generic !== undefined && !/^GMT/.test(generic) && long !== undefined) {
    const stem = generic.replace(/ Time$/, "");
    if (long.includes(stem)) return generic;
  }
  if (long !== undefined && !/^GMT/.test(long)) return long;
  return `${timeZoneCity(canonicalTimeZone(zone) ?? zone)} time`;
}

/** "Europe/Berlin" → "Berlin", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function timeZoneCity(zone: string): string {
  return zone.split("/").pop()!.replace(/_/g, " ");
}
