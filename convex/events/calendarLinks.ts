// "Add to Google Calendar" links. No server imports: the UI can import this file too.

/** 20260308T063000Z (the compact UTC form Google Calendar and RFC 5545 use). */
export function toCompactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export type GoogleCalendarInput = {
  title: string;
  startTime: number; // UTC ms
  endTime: number;
  timezone?: string; // IANA; Google shows the event in it
  description?: string;
  venue?: string;
  pageUrl?: string;
};

const MAX_DETAILS = 1500; // keep the URL well under browsers' and Google's limits

export function googleCalendarUrl(event: GoogleCalendarInput): string {
  const description =
    event.description && event.description.length > MAX_DETAILS
      ? `${event.description.slice(0, MAX_DETAILS - 1)}…`
      : event.description;
  const details = [description, event.pageUrl].filter((part) => part !== undefined && part !== "").join("\n\n");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${toCompactUtc(event.startTime)}/${toCompactUtc(event.endTime)}`,
  });
  if (event.timezone) params.set("ctz", event.timezone);
  if (details) params.set("details", details);
  if (event.venue) params.set("location", event.venue);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
