import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { describe, expect, test } from "vitest";

import {
  addMinutesToLocal,
  dateTile,
  formatCalendarDay,
  formatClock,
  formatDateShort,
  formatDateTime,
  formatEventShort,
  formatEventWhen,
  formatMemberTime,
  formatMemberWhen,
  formatTimestamp,
  formatZone,
  localInputAt,
  showsDifferentLocalTime,
  zoneOffsetMinutes,
} from "./timeFormat";

const utc = (local: string, zone: string) => fromZonedTime(local, zone).getTime();

describe("event times", () => {
  test("one day: long date, 24-hour range, the zone's name at that instant", () => {
    const start = utc("2026-06-10T18:30", "Europe/Berlin");
    const when = formatEventWhen(start, start + 90 * 60_000, "Europe/Berlin");
    expect(when).toEqual({
      date: "Wednesday 10 June 2026",
      time: "18:30 – 20:00 Central European Summer Time",
      text: "Wednesday 10 June 2026, 18:30 – 20:00 Central European Summer Time",
    });
    // The same evening in winter is on standard time.
    const winter = utc("2026-12-09T18:30", "Europe/Berlin");
    expect(formatEventWhen(winter, winter + 90 * 60_000, "Europe/Berlin").time).toBe(
      "18:30 – 20:00 Central European Standard Time",
    );
  });

  test("a New York event across the March DST change names each end's zone", () => {
    // Clocks go forward at 2:00 on 2026-03-08: 23:00 EST to 03:00 EDT is three real hours.
    const start = utc("2026-03-07T23:00", "America/New_York");
    const end = utc("2026-03-08T03:00", "America/New_York");
    expect(end - start).toBe(3 * 3_600_000);
    const when = formatEventWhen(start, end, "America/New_York");
    expect(when.date).toBe("Sat 7 Mar – Sun 8 Mar 2026");
    expect(when.time).toBe("23:00 Eastern Standard Time – 03:00 Eastern Daylight Time");
  });

  test("London on the October change day, and over a new year", () => {
    const start = utc("2026-10-25T18:30", "Europe/London");
    expect(formatEventWhen(start, start + 90 * 60_000, "Europe/London").text).toBe(
      "Sunday 25 October 2026, 18:30 – 20:00 Greenwich Mean Time",
    );
    const week = utc("2026-10-18T18:30", "Europe/London");
    expect(formatDateTime(week, "Europe/London")).toBe("Sunday 18 October 2026, 18:30 British Summer Time");
    const nye = utc("2026-12-31T21:00", "Europe/London");
    expect(formatEventWhen(nye, nye + 5 * 3_600_000, "Europe/London").date).toBe("Thu 31 Dec 2026 – Fri 1 Jan 2027");
  });

  test("current zone names, also for a legacy name", () => {
    const start = utc("2026-05-14T18:30", "Asia/Kolkata");
    expect(zoneOffsetMinutes(start, "Asia/Kolkata")).toBe(330);
    expect(formatZone(start, "Asia/Calcutta")).toBe("India Standard Time");
    expect(formatZone(start, "UTC")).toBe("Coordinated Universal Time");
    expect(formatZone(start, "Europe/Kiev")).toBe(formatZone(start, "Europe/Kyiv"));
    expect(formatZone(start, "Europe/Kyiv")).not.toMatch(/Kiev|GMT/);
  });

  test("short forms for lists, moments and calendar days", () => {
    const start = utc("2026-05-14T18:30", "Asia/Kolkata");
    const jan = utc("2026-01-01T00:00", "UTC");
    expect(formatEventShort(start, "Asia/Kolkata", jan)).toBe("Thu 14 May · 18:30 India Standard Time");
    expect(formatDateShort(start, "Asia/Kolkata", utc("2025-06-01T00:00", "UTC"))).toBe("Thu 14 May 2026");
    expect(formatClock(utc("2026-05-14T09:05", "UTC"), "UTC")).toBe("09:05");
    expect(formatTimestamp(utc("2026-05-14T09:05", "UTC"), "UTC")).toBe("14 May 2026, 09:05");
    expect(formatCalendarDay("2026-03-03")).toBe("3 Mar 2026");
    expect(dateTile(start, "Asia/Kolkata")).toEqual({ month: "MAY", day: "14", weekday: "Thu" });
  });

  test("for a member: their zone first, the event's beside it only when the clock differs", () => {
    const start = Date.UTC(2026, 5, 10, 17, 30); // 18:30 in London (BST)
    expect(formatMemberTime(start, "Europe/London", "America/New_York")).toBe(
      "Wednesday 10 June 2026, 13:30 Eastern Daylight Time (18:30 British Summer Time, event time)",
    );
    expect(formatMemberTime(start, "Europe/London", "Europe/London")).toBe(
      "Wednesday 10 June 2026, 18:30 British Summer Time",
    );
    expect(formatMemberTime(start, "Europe/London", "Pacific/Auckland")).toBe(
      "Thursday 11 June 2026, 05:30 New Zealand Standard Time (Wed 10 Jun, 18:30 British Summer Time, event time)",
    );
    // Another day there: the event's own date too.
    expect(formatMemberWhen(start, start + 3_600_000, "Europe/London", "Pacific/Auckland").event).toBe(
      "Wednesday 10 June 2026, 18:30 – 19:30 British Summer Time",
    );
    // Lisbon and London share the clock: nothing beside.
    expect(formatMemberWhen(start, start + 3_600_000, "Europe/London", "Europe/Lisbon").event).toBeNull();
    expect(formatMemberWhen(start, start + 3_600_000, "Europe/London", "Europe/Berlin")).toEqual({
      mine: "Wednesday 10 June 2026, 19:30 – 20:30 Central European Summer Time",
      event: "18:30 – 19:30 British Summer Time",
    });
  });

  test("the viewer's local time is shown only when the wall clock differs", () => {
    const start = utc("2026-05-14T18:30", "Asia/Kolkata");
    const end = start + 90 * 60_000;
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Asia/Kolkata")).toBe(false);
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Asia/Calcutta")).toBe(false);
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", "Europe/London")).toBe(true);
    expect(showsDifferentLocalTime(start, end, "Asia/Kolkata", null)).toBe(false);
  });

  test("wall-clock arithmetic for the form's default end", () => {
    expect(addMinutesToLocal("2026-03-07T23:00", 120)).toBe("2026-03-08T01:00");
    expect(addMinutesToLocal("not a time", 60)).toBe("not a time");
  });
});

// The module reads the wall clock with Intl and spells it itself (no date library on the event
// page); what it prints must be what date-fns-tz's formatInTimeZone prints for the same patterns.
describe("Intl wall clock matches date-fns-tz", () => {
  const zones = [
    "UTC",
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Kiritimati",
  ];
  // Every 23 h 7 min 13 s across two years: all hours, minutes on and off the hour,
  // month and year ends, and every DST change in those zones.
  const start = Date.UTC(2025, 11, 1);
  const instants: number[] = [];
  for (let ms = start; ms < start + 2 * 366 * 86_400_000; ms += 1387 * 60_000 + 13_000) instants.push(ms);

  test.each(zones)("%s", (zone) => {
    for (const ms of instants) {
      const f = (pattern: string) => formatInTimeZone(ms, zone, pattern);
      const end = ms + 26 * 3_600_000 + 7 * 60_000;
      const fe = (pattern: string) => formatInTimeZone(end, zone, pattern);
      expect(formatClock(ms, zone)).toBe(f("HH:mm"));
      expect(dateTile(ms, zone)).toEqual({ month: f("MMM").toUpperCase(), day: f("d"), weekday: f("EEE") });
      expect(zoneOffsetMinutes(ms, zone)).toBe(
        Math.round((Date.parse(`${f("yyyy-MM-dd'T'HH:mm:ss")}Z`) - Math.floor(ms / 1000) * 1000) / 60_000),
      );
      expect(localInputAt(0, 9, zone, ms)).toBe(`${f("yyyy-MM-dd")}T09:00`);
      if (f("yyyy-MM-dd") === formatInTimeZone(ms + 90 * 60_000, zone, "yyyy-MM-dd")) {
        expect(formatEventWhen(ms, ms + 90 * 60_000, zone).date).toBe(f("EEEE d MMMM yyyy"));
      }
      expect(formatEventWhen(ms, end, zone).date).toBe(
        f("yyyy") === fe("yyyy")
          ? `${f("EEE d MMM")} – ${fe("EEE d MMM yyyy")}`
          : `${f("EEE d MMM yyyy")} – ${fe("EEE d MMM yyyy")}`,
      );
      expect(formatTimestamp(ms, zone)).toBe(f("d MMM yyyy, HH:mm"));
    }
  });

  test("an unknown zone throws", () => {
    expect(() => formatEventWhen(0, 3_600_000, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
