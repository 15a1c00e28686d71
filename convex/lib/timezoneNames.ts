// Time zone names both sides share (pure). ICU (Node, Chromium) still reports some zones by the
// names CLDR froze years ago (Asia/Calcutta, Europe/Kiev): `Intl.supportedValuesOf` lists them and
// `resolvedOptions().timeZone` turns "Asia/Kolkata" back into "Asia/Calcutta". IANA renamed them;
// people look for the current names, so every picker, validation and email maps them here.

/** Legacy name → the current IANA name (the ones ICU may still report). */
export const LEGACY_TIME_ZONES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The current name of a zone the runtime knows, or null for an unknown one. */
export function canonicalTimeZone(zone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return LEGACY_TIME_ZONES[resolved] ?? resolved;
}

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
