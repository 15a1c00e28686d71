// The event page and the emails write an event's time the same way: the page's time block and the
// reminder's "When" line are one string for the same event seen in the same zone.
import { fromZonedTime } from "date-fns-tz";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";

import { reminderEmail } from "@convex/emails/templates";
import { EventTimeBlock } from "./event-time";

/** The page's two lines, read as one: "<date>, <time>". */
function pageWhen(startTime: number, endTime: number, timezone: string): string {
  const html = renderToStaticMarkup(<EventTimeBlock startTime={startTime} endTime={endTime} timezone={timezone} />);
  const line = (id: string) =>
    html
      .match(new RegExp(`data-testid="${id}"[^>]*>(.*?)</p>`))![1]!
      .replace(/<span class="sr-only">.*?<\/span>/g, "")
      .replace(/<[^>]+>/g, "");
  return `${line("event-date")}, ${line("event-time")}`;
}

function emailWhen(startTime: number, endTime: number, timezone: string): { text: string; html: string } {
  const email = reminderEmail({
    memberName: "Ada",
    memberTimezone: timezone,
    now: startTime - 3_600_000,
    event: { title: "Reading group", orgName: "Oxford", startTime, endTime, timezone },
    links: { settingsUrl: "https://app.example.org/settings", eventUrl: "https://app.example.org/events/e1" },
  });
  return { text: email.text.match(/^When: (.*)$/m)![1]!, html: email.html };
}

const cases: [string, string, string, string][] = [
  ["an evening in summer", "Europe/Berlin", "2026-06-10T18:30", "2026-06-10T20:00"],
  ["an evening in winter", "Europe/Berlin", "2026-12-09T18:30", "2026-12-09T20:00"],
  ["across the spring DST change", "America/New_York", "2026-03-07T23:00", "2026-03-08T03:00"],
  ["several days, into the new year", "Europe/London", "2026-12-30T10:00", "2027-01-02T17:00"],
  ["a half-hour zone", "Asia/Kolkata", "2026-05-14T18:30", "2026-05-14T20:00"],
];

describe("one time format on the page and in emails", () => {
  test.each(cases)("%s (%s)", (_, zone, from, to) => {
    const start = fromZonedTime(from, zone).getTime();
    const end = fromZonedTime(to, zone).getTime();
    const page = pageWhen(start, end, zone);
    const email = emailWhen(start, end, zone);
    expect(email.text).toBe(page);
    expect(email.html).toContain(page);
    expect(page).not.toMatch(/AM|PM|GMT[+-]|\//);
  });

  test("the strings themselves", () => {
    const zone = "Europe/Berlin";
    const start = fromZonedTime("2026-06-10T18:30", zone).getTime();
    expect(pageWhen(start, start + 90 * 60_000, zone)).toBe(
      "Wednesday 10 June 2026, 18:30 – 20:00 Central European Summer Time",
    );
    const multi = [
      fromZonedTime("2026-03-28T18:00", zone).getTime(),
      fromZonedTime("2026-03-29T12:00", zone).getTime(),
    ];
    expect(pageWhen(multi[0]!, multi[1]!, zone)).toBe(
      "Sat 28 Mar – Sun 29 Mar 2026, 18:00 Central European Standard Time – 12:00 Central European Summer Time",
    );
  });
});
