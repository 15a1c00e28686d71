// A series' sessions from an RFC 5545 recurrence rule (rrule). rrule's own TZID handling shifts
// times across DST changes, so the rule is evaluated in "floating" time: the first session's
// local wall-clock date and time are given to rrule as if they were UTC, every occurrence comes
// back as a wall-clock time, and each is converted on its own with the program's timezone —
// 18:30 stays 18:30 local on both sides of a DST change. Pure: no database.
import { RRule } from "rrule";
import { invalidArgument } from "../lib/errors";
import { PROGRAM_LIMITS } from "../lib/vocabulary";
import { checkEventTimeRange, localToUtc } from "../events/validation";

export type SeriesInput = {
  firstDate: string; // "YYYY-MM-DD", the first session's local date
  startTime: string; // "HH:mm", local
  durationMinutes: number;
  rrule: string; // e.g. "FREQ=WEEKLY;COUNT=8" (an RRULE: prefix is accepted)
  exdates: string[]; // local dates to skip, "YYYY-MM-DD"
  timezone: string;
};

export type PlannedSession = { localDate: string; startTime: number; endTime: number };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function parseDate(field: string, value: string): [number, number, number] {
  const m = DATE.exec(value.trim());
  const parts = m === null ? null : ([Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number]);
  if (parts !== null) {
    const d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (d.getUTCFullYear() === parts[0] && d.getUTCMonth() === parts[1] - 1 && d.getUTCDate() === parts[2]) {
      return parts;
    }
  }
  throw invalidArgument(field, "Enter a date like 2026-03-03.");
}

export function checkLocalDate(field: string, value: string): string {
  parseDate(field, value);
  return value.trim();
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** A floating Date's local calendar date, "YYYY-MM-DD". */
function floatingDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parses the rule's RRULE part; DTSTART, TZID and other lines are refused (the form sets them). */
function parseRule(value: string) {
  const text = value.trim().replace(/^RRULE:/i, "");
  if (text.length === 0) throw invalidArgument("rrule", "Enter a recurrence rule, e.g. FREQ=WEEKLY;COUNT=8.");
  if (text.length > PROGRAM_LIMITS.rrule) throw invalidArgument("rrule", "This recurrence rule is too long.");
  if (/[\r\n]|DTSTART|TZID/i.test(text)) {
    throw invalidArgument(
      "rrule",
      "Give only the rule (FREQ=…); the first date, time and timezone come from the form.",
    );
  }
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined) throw new Error("no FREQ");
    return options;
  } catch {
    throw invalidArgument("rrule", "This is not a valid recurrence rule (RFC 5545), e.g. FREQ=WEEKLY;COUNT=8.");
  }
}

/**
 * The sessions a series would create, in order. INVALID_ARGUMENT naming the field when the rule
 * produces no session or more than PROGRAM_LIMITS.maxSessions, or a time does not exist locally.
 */
export function planSeries(input: SeriesInput, now = Date.now()): PlannedSession[] {
  const [y, mo, d] = parseDate("firstDate", input.firstDate);
  const t = TIME.exec(input.startTime.trim());
  if (t === null || Number(t[1]) > 23 || Number(t[2]) > 59) {
    throw invalidArgument("startTime", "Enter a time like 18:30.");
  }
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < 5 ||
    input.durationMinutes > PROGRAM_LIMITS.maxSessionMinutes
  ) {
    throw invalidArgument(
      "durationMinutes",
      `A session lasts from 5 minutes to ${PROGRAM_LIMITS.maxSessionMinutes / 60} hours.`,
    );
  }
  if (input.exdates.length > PROGRAM_LIMITS.maxExdates) {
    throw invalidArgument("exdates", `Skip at most ${PROGRAM_LIMITS.maxExdates} dates.`);
  }
  const skipped = new Set(input.exdates.map((value) => checkLocalDate("exdates", value)));
  const options = parseRule(input.rrule);
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y, mo - 1, d, h, mi)), tzid: null });
  const limit = PROGRAM_LIMITS.maxSessions;
  const sessions: PlannedSession[] = [];
  let tooMany = false;
  // Bounded whatever the rule: an endless rule stops one past the limit.
  rule.all((date) => {
    const localDate = floatingDate(date);
    if (skipped.has(localDate)) return true;
    if (sessions.length === limit) {
      tooMany = true;
      return false;
    }
    const local = `${localDate}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    const startTime = localToUtc("startTime", local, input.timezone);
    sessions.push({ localDate, startTime, endTime: startTime + input.durationMinutes * 60_000 });
    // Unbounded rules also stop at the latest date an event may have.
    return date.getUTCFullYear() < y + 6;
  });
  if (tooMany) {
    throw invalidArgument("rrule", `This rule makes more than ${limit} sessions; add COUNT or UNTIL, or shorten it.`);
  }
  if (sessions.length === 0) throw invalidArgument("rrule", "This rule (with the skipped dates) makes no sessions.");
  for (const s of sessions) {
    checkEventTimeRange("rrule", s.startTime, now);
  }
  return sessions;
}
