import { fromZonedTime } from "date-fns-tz";
import { describe, expect, test } from "vitest";

import {
  addMinutesToLocal,
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
    expect(formatEventShort(start, "Asia/Kolkata", utc("2026-01-01T00:00", "UTC"))).toBe("Thu, May 14 · 6:30 PM GMT+5:30");
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
