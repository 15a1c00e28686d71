import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { describe, expect, test } from "vitest";

import {
  addMinutesToLocal,
  dateTile,
  formatClock,
  localInputAt,
  formatEventShort,
  formatEventWhen,
  showsDifferentLocalTime,
  zoneOffsetMinutes,
} from "./time";

const utc = (local: string, zone: string) => fromZonedTime(local, zone).getTime();

describe("event times", () => {
  test("a New York event across the March DST change shows each end in its own offset", () => {
    // Clocks go forward at 2:00 on 2026-03-08: 23:00 EST to 03:00 EDT is three real hours.
    const start = utc("2026-03-07T23:00", "America/New_York");
    const end = utc("2026-03-08T03:00", "America/New_York");
    expect(end - start).toBe(3 * 3_600_000);
    expect(new Date(start).toISOString()).toBe("2026-03-08T04:00:00.000Z");
    const when = formatEventWhen(start, end, "America/New_York");
    expect(when.date).toBe("March 7 – March 8, 2026");
    expect(when.time).toBe("Sat, Mar 7, 11 PM EST – Sun, Mar 8, 3 AM EDT");
  });

  test("a London evening on the October change day keeps its zone names", () => {
    // Clocks go back at 2:00 BST on 2026-10-25; an evening event that day is on GMT.
    const start = utc("2026-10-25T18:30", "Europe/London");
    const end = utc("2026-10-25T20:00", "Europe/London");
    expect(new Date(start).toISOString()).toBe("2026-10-25T18:30:00.000Z");
    const when = formatEventWhen(start, end, "Europe/London");
    expect(when.date).toBe("Sunday, October 25, 2026");
    expect(when.time).toBe("6:30 PM – 8 PM GMT");
    // The week before, London is on BST (UTC+1).
    expect(zoneOffsetMinutes(utc("2026-10-18T18:30", "Europe/London"), "Europe/London")).toBe(60);
  });

  test("a +05:30 zone: Kolkata times and offsets", () => {
    const start = utc("2026-05-14T18:30", "Asia/Kolkata");
    const end = utc("2026-05-14T20:00", "Asia/Kolkata");
    expect(new Date(start).toISOString()).toBe("2026-05-14T13:00:00.000Z");
    expect(zoneOffsetMinutes(start, "Asia/Kolkata")).toBe(330);
    const when = formatEventWhen(start, end, "Asia/Kolkata");
    expect(when.time).toBe("6:30 PM – 8 PM GMT+5:30");
    expect(formatEventShort(start, "Asia/Kolkata", utc("2026-01-01T00:00", "UTC"))).toBe(
      "Thu, May 14 · 6:30 PM GMT+5:30",
    );
    // The same instant in London (BST) is 2 PM: a viewer there gets their local time beside it.
    expect(formatEventWhen(start, end, "Europe/London").time).toBe("2 PM – 3:30 PM GMT+1");
  });

  test("the viewer's local time is shown only when the wall clock differs", () => {
    const start = utc("2026-05-14T18:30", "Asia/Kolkata");
    const end = start + 90 * 60_000;
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Asia/Kolkata")).toBe(false);
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Asia/Calcutta")).toBe(false); // alias, same offset
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Europe/London")).toBe(true);
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", null)).toBe(false);
    // London and Lisbon share an offset all year.
    const london = utc("2026-07-01T18:00", "Europe/London");
    expect(showsDifferentLocalTime(london, london + 3_600_000, "Europe/London", "Europe/Lisbon")).toBe(false);
    // New York and London differ by 4 hours for most of March (the US changes first).
    const ny = utc("2026-03-10T18:00", "America/New_York");
    expect(zoneOffsetMinutes(ny, "America/New_York") - zoneOffsetMinutes(ny, "Europe/London")).toBe(-240);
  });

  test("wall-clock arithmetic for the form's default end", () => {
    expect(addMinutesToLocal("2026-03-07T23:00", 120)).toBe("2026-03-08T01:00");
    expect(addMinutesToLocal("not a time", 60)).toBe("not a time");
  });
});

// time.ts reads the wall clock with Intl and spells it itself (no date library on the event page);
// what it prints must stay exactly what date-fns-tz's formatInTimeZone prints for the same patterns.
describe("Intl wall clock matches date-fns-tz", () => {
  const zones = [
    "UTC",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
  ];
  // Every 11 h 7 min 13 s across two years: all hours, minutes on and off the hour,
  // month and year ends, and every DST change in those zones.
  const start = Date.UTC(2025, 11, 1);
  const instants: number[] = [];
  for (let ms = start; ms < start + 2 * 366 * 86_400_000; ms += 667 * 60_000 + 13_000) instants.push(ms);

  test.each(zones)("%s", (zone) => {
    for (const ms of instants) {
      const f = (pattern: string) => formatInTimeZone(ms, zone, pattern);
      const end = ms + 26 * 3_600_000 + 7 * 60_000;
      const fe = (pattern: string) => formatInTimeZone(end, zone, pattern);
      expect(formatClock(ms, zone)).toBe(f("mm") === "00" ? f("h a") : f("h:mm a"));
      expect(dateTile(ms, zone)).toEqual({ month: f("MMM").toUpperCase(), day: f("d"), weekday: f("EEE") });
      expect(zoneOffsetMinutes(ms, zone)).toBe(
        Math.round((Date.parse(`${f("yyyy-MM-dd'T'HH:mm:ss")}Z`) - Math.floor(ms / 1000) * 1000) / 60_000),
      );
      expect(localInputAt(0, 9, zone, ms)).toBe(`${f("yyyy-MM-dd")}T09:00`);
      const sameDay = formatEventWhen(ms, ms + 90 * 60_000, zone).date;
      if (f("yyyy-MM-dd") === formatInTimeZone(ms + 90 * 60_000, zone, "yyyy-MM-dd")) {
        expect(sameDay).toBe(f("EEEE, MMMM d, yyyy"));
      }
      const multi = formatEventWhen(ms, end, zone);
      expect(multi.date).toBe(
        f("yyyy") === fe("yyyy")
          ? `${f("MMMM d")} – ${fe("MMMM d, yyyy")}`
          : `${f("MMMM d, yyyy")} – ${fe("MMMM d, yyyy")}`,
      );
      expect(multi.time.startsWith(`${f("EEE, MMM d")}, `)).toBe(true);
      expect(formatEventShort(ms, zone, start)).toMatch(
        new RegExp(`^${f(f("yyyy") === formatInTimeZone(start, zone, "yyyy") ? "EEE, MMM d" : "EEE, MMM d, yyyy")} · `),
      );
    }
  });

  test("an unknown zone throws, as before", () => {
    expect(() => formatEventWhen(0, 3_600_000, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
