// Email templates: each returns { subject, html, text }. Every value that came from a user
// (titles, names, venues, reasons, URLs) goes through escapeHtml in the HTML part; the plain-text
// part needs no escaping. Both parts carry the same content: the org, the time in the member's
// zone (by its everyday name, the event's beside it), the online link, and the actions.
import { formatMemberTime, formatMemberWhen } from "../lib/timeFormat";
import { canonicalTimeZone } from "../lib/timezoneAliases";

/** Stored zones are validated, but an email must never fail over one: an unknown zone reads as UTC. */
const zoneOf = (zone: string) => canonicalTimeZone(zone) ?? "UTC";

/** One instant for a member (inbox lines, changes): the app's format, in their zone, the event's beside it. */
export function formatEventTime(ms: number, eventTimezone: string, memberTimezone: string): string {
  return formatMemberTime(ms, zoneOf(eventTimezone), zoneOf(memberTimezone));
}

export type RenderedEmail = { subject: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Subjects are a header: no line breaks, bounded length. */
function oneLine(value: string, max = 180): string {
  const flat = value
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Only http(s) links are ever rendered as links. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export type Links = {
  eventUrl?: string;
  /** Where the member changes their answer (the event page's RSVP controls). */
  rsvpUrl?: string;
  icsUrl?: string;
  settingsUrl: string;
  /** One-click unsubscribe page; omitted on transactional notices. */
  unsubscribeUrl?: string;
  unsubscribeLabel?: string;
  /** The "did you make it?" email's one-tap answers. */
  attendanceYesUrl?: string;
  attendanceNoUrl?: string;
};

type Block = { html: string; text: string };

function paragraph(text: string): Block {
  return { html: `<p style="margin:0 0 12px">${escapeHtml(text)}</p>`, text };
}

/** A row's value: text (escaped in HTML), or a block whose HTML is already safe. */
type RowValue = string | Block | undefined;

function detailRows(rows: [string, RowValue][]): Block {
  const present = rows
    .filter((r): r is [string, string | Block] => r[1] !== undefined && r[1] !== "")
    .map(([label, value]): [string, Block] => [
      label,
      typeof value === "string" ? { html: escapeHtml(value), text: value } : value,
    ]);
  return {
    html:
      `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">` +
      present
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#555;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td>` +
            `<td style="padding:2px 0;word-break:break-word">${value.html}</td></tr>`,
        )
        .join("") +
      `</table>`,
    text: present.map(([label, value]) => `${label}: ${value.text}`).join("\n"),
  };
}

const BUTTON =
  "display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600";
const PRIMARY = `${BUTTON};background:#2552d0;color:#ffffff;border:1px solid #2552d0`;
const SECONDARY = `${BUTTON};background:#ffffff;color:#2552d0;border:1px solid #2552d0`;

function button(label: string, url: string | undefined, style: string): Block | null {
  const href = url === undefined ? null : safeHref(url);
  if (href === null) return null;
  return { html: `<a href="${escapeHtml(href)}" style="${style}">${escapeHtml(label)}</a>`, text: `${label}: ${href}` };
}

/** A URL shown as itself and clickable in HTML (only http(s)); plain text otherwise. */
function urlValue(url: string | undefined): RowValue {
  if (url === undefined || url === "") return undefined;
  const href = safeHref(url);
  if (href === null) return url;
  return { html: `<a href="${escapeHtml(href)}" style="color:#2552d0">${escapeHtml(url)}</a>`, text: href };
}

/** The org the email comes from: its logo (when it has one) and name, above the heading. */
export type Brand = { name: string; logoUrl?: string };

function brandHeader(brand: Brand | undefined): Block {
  if (brand === undefined) return { html: "", text: "" };
  const logo = brand.logoUrl === undefined ? null : safeHref(brand.logoUrl);
  return {
    html:
      `<table role="presentation" style="border-collapse:collapse;margin:0 0 20px"><tr>` +
      (logo === null
        ? ""
        : `<td style="padding:0 10px 0 0;vertical-align:middle"><img src="${escapeHtml(logo)}" alt="" width="36" height="36" style="display:block;border-radius:8px;object-fit:cover"></td>`) +
      `<td style="vertical-align:middle;font-size:15px;font-weight:700;color:#333">${escapeHtml(brand.name)}</td>` +
      `</tr></table>`,
    text: brand.name,
  };
}

function link(label: string, url: string | undefined): Block | null {
  if (url === undefined) return null;
  const href = safeHref(url);
  if (href === null) return null;
  return {
    html: `<a href="${escapeHtml(href)}" style="color:#2552d0">${escapeHtml(label)}</a>`,
    text: `${label}: ${href}`,
  };
}

function layout(heading: string, blocks: Block[], links: Links, brand?: Brand): { html: string; text: string } {
  const buttons = [
    button("View event", links.eventUrl, PRIMARY),
    button("Change RSVP", links.rsvpUrl, SECONDARY),
  ].filter((b): b is Block => b !== null);
  const extra = [link("Add to calendar (.ics)", links.icsUrl)].filter((b): b is Block => b !== null);
  const footer = [
    link("Manage notification settings", links.settingsUrl),
    link(links.unsubscribeLabel ?? "Unsubscribe", links.unsubscribeUrl),
  ].filter((b): b is Block => b !== null);
  const header = brandHeader(brand);
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>` +
    `<body style="margin:0;background:#f5f6f8;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;line-height:1.5">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px">` +
    `<div style="background:#ffffff;border:1px solid #e3e5ea;border-radius:12px;padding:24px">` +
    header.html +
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>` +
    blocks.map((b) => b.html).join("") +
    (buttons.length > 0 ? `<p style="margin:16px 0 8px">${buttons.map((a) => a.html).join("")}</p>` : "") +
    (extra.length > 0 ? `<p style="margin:0 0 8px;font-size:14px">${extra.map((a) => a.html).join(" · ")}</p>` : "") +
    `</div>` +
    `<p style="font-size:12px;color:#666;margin:16px 0 0;text-align:center">${footer.map((f) => f.html).join(" · ")}</p>` +
    `</div></body></html>`;
  const text = [
    ...(header.text === "" ? [] : [header.text, ""]),
    heading,
    "",
    ...blocks.map((b) => b.text),
    "",
    ...buttons.map((a) => a.text),
    ...extra.map((a) => a.text),
    "",
    "--",
    ...footer.map((f) => f.text),
  ].join("\n");
  return { html, text };
}

export type EventInfo = {
  title: string;
  orgName: string;
  startTime: number;
  endTime: number;
  timezone: string;
  venue?: string;
  /** Only passed for recipients allowed to see it (going members). */
  onlineUrl?: string;
  orgLogoUrl?: string;
};

function brandOf(event: EventInfo): Brand {
  return { name: event.orgName, logoUrl: event.orgLogoUrl };
}

function eventDetails(event: EventInfo, memberTimezone: string): Block {
  const when = formatMemberWhen(event.startTime, event.endTime, zoneOf(event.timezone), zoneOf(memberTimezone));
  return detailRows([
    ["When", when.mine],
    ["Event time", when.event ?? undefined],
    ["Where", event.venue],
    ["Online", urlValue(event.onlineUrl)],
    ["Hosted by", event.orgName],
  ]);
}

function untilText(startTime: number, now: number): string {
  const minutes = Math.max(0, Math.round((startTime - now) / 60_000));
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hours`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

export function reminderEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  now: number;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`Reminder: ${p.event.title} starts ${untilText(p.event.startTime, p.now)}`);
  const { html, text } = layout(
    p.event.title,
    [
      paragraph(`Hi ${p.memberName}, a reminder that ${p.event.title} starts ${untilText(p.event.startTime, p.now)}.`),
      eventDetails(p.event, p.memberTimezone),
    ],
    p.links,
    brandOf(p.event),
  );
  return { subject, html, text };
}

export function announcementEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`New event from ${p.event.orgName}: ${p.event.title}`);
  const { html, text } = layout(
    p.event.title,
    [
      paragraph(`Hi ${p.memberName}, ${p.event.orgName} has published a new event.`),
      eventDetails(p.event, p.memberTimezone),
    ],
    p.links,
    brandOf(p.event),
  );
  return { subject, html, text };
}

export type ChangeLine = { field: string; old: string | number | null; new: string | number | null };

const FIELD_LABELS: Record<string, string> = {
  startTime: "Start",
  endTime: "End",
  timezone: "Time zone",
  venue: "Venue",
  locationUrl: "Map link",
  onlineUrl: "Online link",
};

function describeValue(
  field: string,
  value: string | number | null,
  p: { memberTimezone: string; eventTimezone: string },
) {
  if (value === null || value === "") return "(none)";
  if ((field === "startTime" || field === "endTime") && typeof value === "number") {
    return formatEventTime(value, p.eventTimezone, p.memberTimezone);
  }
  return String(value);
}

export function changeEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  changes: ChangeLine[];
  /** Whether the recipient may see the online link (going members). */
  showOnlineUrl: boolean;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`Changed: ${p.event.title}`);
  const tz = { memberTimezone: p.memberTimezone, eventTimezone: p.event.timezone };
  const rows: [string, RowValue][] = p.changes.map((c) => {
    const label = FIELD_LABELS[c.field] ?? c.field;
    if (c.field === "onlineUrl" && !p.showOnlineUrl) return [label, "updated"];
    return [label, `${describeValue(c.field, c.old, tz)} → ${describeValue(c.field, c.new, tz)}`];
  });
  const { html, text } = layout(
    `${p.event.title} has changed`,
    [
      paragraph(`Hi ${p.memberName}, ${p.event.orgName} changed an event you responded to.`),
      detailRows(rows),
      eventDetails(p.event, p.memberTimezone),
    ],
    p.links,
    brandOf(p.event),
  );
  return { subject, html, text };
}

export function cancellationEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  reason?: string;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`Cancelled: ${p.event.title}`);
  const blocks = [
    paragraph(
      `Hi ${p.memberName}, ${p.event.orgName} has cancelled ${p.event.title}, planned for ${formatEventTime(p.event.startTime, p.event.timezone, p.memberTimezone)}.`,
    ),
  ];
  if (p.reason !== undefined && p.reason.trim() !== "") blocks.push(paragraph(`Reason: ${p.reason}`));
  // Nothing to answer any more: no "Change RSVP".
  const { html, text } = layout(
    `${p.event.title} is cancelled`,
    blocks,
    { ...p.links, rsvpUrl: undefined },
    brandOf(p.event),
  );
  return { subject, html, text };
}

export function promotedEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`You're in: ${p.event.title}`);
  const { html, text } = layout(
    `You're in: ${p.event.title}`,
    [
      paragraph(`Hi ${p.memberName}, a spot opened up and you've been moved from the waitlist to going.`),
      eventDetails(p.event, p.memberTimezone),
      paragraph("Can't make it any more? Change your RSVP on the event page so the next person gets the spot."),
    ],
    p.links,
    brandOf(p.event),
  );
  return { subject, html, text };
}

export function digestEmail(p: {
  memberName: string;
  memberTimezone: string;
  events: (EventInfo & { eventUrl: string })[];
  links: Links;
}): RenderedEmail {
  const subject = oneLine(
    `This week: ${p.events.length} upcoming event${p.events.length === 1 ? "" : "s"} from your organizations`,
  );
  const items = p.events.map((e) => {
    const when = formatEventTime(e.startTime, e.timezone, p.memberTimezone);
    const href = safeHref(e.eventUrl);
    const title =
      href === null
        ? escapeHtml(e.title)
        : `<a href="${escapeHtml(href)}" style="color:#2552d0">${escapeHtml(e.title)}</a>`;
    return {
      html:
        `<li style="margin:0 0 10px">${title}<br>` +
        `<span style="color:#555">${escapeHtml(when)} · ${escapeHtml(e.orgName)}${e.venue ? ` · ${escapeHtml(e.venue)}` : ""}</span></li>`,
      text: `- ${e.title} (${e.orgName})\n  ${when}${e.venue ? `\n  ${e.venue}` : ""}\n  ${e.eventUrl}`,
    };
  });
  const list: Block = {
    html: `<ul style="padding-left:18px;margin:0 0 16px">${items.map((i) => i.html).join("")}</ul>`,
    text: items.map((i) => i.text).join("\n"),
  };
  const { html, text } = layout(
    "Your week ahead",
    [paragraph(`Hi ${p.memberName}, here is what your organizations have coming up this week.`), list],
    p.links,
  );
  return { subject, html, text };
}

/** "Did you make it to <event>?" after the event, with one-tap answers (signed links). */
export function attendancePromptEmail(p: {
  memberName: string;
  memberTimezone: string;
  event: EventInfo;
  yesUrl: string;
  noUrl: string;
  second: boolean;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`Did you make it to ${p.event.title}?`);
  const answers = [link("Yes, I was there", p.yesUrl), link("No, I couldn't make it", p.noUrl)].filter(
    (b): b is Block => b !== null,
  );
  const buttons: Block = {
    html:
      `<p style="margin:16px 0">` +
      answers
        .map((a) =>
          a.html.replace(
            'style="color:#2552d0"',
            'style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border:1px solid #2552d0;border-radius:6px;color:#2552d0;text-decoration:none"',
          ),
        )
        .join("") +
      `</p>`,
    text: answers.map((a) => a.text).join("\n"),
  };
  const intro = p.second
    ? `Hi ${p.memberName}, a second and last ask: did you make it to ${p.event.title}?`
    : `Hi ${p.memberName}, thanks for signing up for ${p.event.title}. Did you make it?`;
  const { html, text } = layout(
    `Did you make it to ${p.event.title}?`,
    [
      paragraph(intro),
      eventDetails(p.event, p.memberTimezone),
      buttons,
      paragraph(
        `Your answer helps ${p.event.orgName} plan future events. If you were there, you can leave feedback next.`,
      ),
    ],
    // After the event the RSVP is history: the answers are the actions.
    { ...p.links, rsvpUrl: undefined },
    brandOf(p.event),
  );
  return { subject, html, text };
}

/** The one gentle note to a program participant past the allowed absences. */
export function programAtRiskEmail(p: {
  memberName: string;
  programName: string;
  orgName: string;
  attended: number;
  required: number;
  total: number;
  programUrl: string;
  links: Links;
}): RenderedEmail {
  const subject = oneLine(`${p.programName}: we've missed you`);
  const programLink = link("See the program and upcoming sessions", p.programUrl);
  const { html, text } = layout(
    `We've missed you at ${p.programName}`,
    [
      paragraph(
        `Hi ${p.memberName}, we noticed you haven't made it to a few sessions of ${p.programName} lately. ` +
          `So far you've attended ${p.attended} of ${p.total}; completing the program takes ${p.required}.`,
      ),
      paragraph(
        `Life gets busy, and that's fine. If something is getting in the way, the organizers at ${p.orgName} ` +
          `would be glad to hear from you; and if you'd rather step back, you can leave the program from its page.`,
      ),
      ...(programLink === null ? [] : [programLink]),
    ],
    p.links,
  );
  return { subject, html, text };
}

/** Small standalone pages for the unsubscribe flow (served by HTTP actions). */
export function htmlPage(title: string, bodyHtml: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;line-height:1.5">` +
    `<main style="max-width:480px;margin:48px auto;padding:0 24px">` +
    `<h1 style="font-size:22px">${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`
  );
}
