/** The browser's IANA time zone (UTC when it can't tell). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every IANA zone the runtime knows, with `include` (e.g. the saved value) always present. */
export function timeZoneOptions(include?: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set(["UTC", ...zones]);
  if (include) all.add(include);
  return [...all].sort((a, b) => a.localeCompare(b, "en"));
}

/** "Europe/Berlin" → "Europe/Berlin (GMT+2)". */
export function timeZoneLabel(zone: string, now = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value;
    return part ? `${zone.replace(/_/g, " ")} (${part})` : zone;
  } catch {
    return zone;
  }
}
