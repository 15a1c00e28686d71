// The attendance sheet as CSV (admins): an action that reads the sheet a page at a time through
// an internal query (each page one transaction, so any number of RSVPs fits) and returns the
// file's text for the browser to download.
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { formatInTimeZone } from "date-fns-tz";
import { internal } from "../_generated/api";
import { internalQuery } from "../_generated/server";
import { eventAdminAction } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { ATTENDANCE_SOURCE_LABELS, ATTENDANCE_STATE_LABELS, CHECK_IN_VIA_LABELS, RSVP_LABELS } from "../lib/vocabulary";
import { csvLine } from "./csv";
import { toAttendanceRow } from "./model";

export const CSV_PAGE_SIZE = 500;
/** The largest sheet exported in one file (rows). */
export const CSV_MAX_ROWS = 20_000;

const HEADER = [
  "Name",
  "RSVP",
  "Walk-in",
  "Attendance",
  "Recorded by",
  "How",
  "Recorded at",
  "Member's answer",
  "Disputed",
  "Feedback",
];

/** One page of the sheet as CSV lines (the caller was checked by eventAdminAction). */
export const sheetCsvPage = internalQuery({
  args: { eventId: v.id("events"), paginationOpts: paginationOptsValidator },
  returns: v.object({ lines: v.array(v.string()), continueCursor: v.string(), isDone: v.boolean(), title: v.string() }),
  handler: async (ctx, { eventId, paginationOpts }) => {
    const event = (await ctx.db.get("events", eventId))!;
    const page = await ctx.db
      .query("eventAttendance")
      .withIndex("by_event", (q) => q.eq("eventId", eventId))
      .paginate(paginationOpts);
    const lines: string[] = [];
    for (const doc of page.page) {
      if (doc.rsvpStatus === "not_going" && doc.walkIn !== true && doc.state === undefined) continue;
      const row = await toAttendanceRow(ctx, doc);
      const at = row.recordedAt === null ? "" : formatInTimeZone(row.recordedAt, event.timezone, "yyyy-MM-dd HH:mm");
      lines.push(
        csvLine([
          row.name,
          RSVP_LABELS[row.rsvpStatus],
          row.walkIn ? "yes" : "",
          row.state === "unknown" ? "" : ATTENDANCE_STATE_LABELS[row.state],
          row.mark?.byName ?? (row.source === "self_report" ? row.name : ""),
          row.via !== null
            ? CHECK_IN_VIA_LABELS[row.via]
            : row.source === null
              ? ""
              : ATTENDANCE_SOURCE_LABELS[row.source],
          at,
          row.selfReport === null ? "" : row.selfReport.attended ? "Attended" : "Did not attend",
          row.disputed ? "yes" : "",
          row.hasFeedback ? "yes" : "",
        ]),
      );
    }
    return { lines, continueCursor: page.continueCursor, isDone: page.isDone, title: event.title };
  },
});

/** The whole attendance sheet as CSV text (UTF-8), with a file name for the download. */
export const exportAttendanceCsv = eventAdminAction({
  args: {},
  returns: v.object({ filename: v.string(), csv: v.string(), rows: v.number(), truncated: v.boolean() }),
  handler: async (ctx) => {
    await enforceLimit(ctx, "export", ctx.user._id);
    const lines = [csvLine(HEADER)];
    let cursor: string | null = null;
    let title: string;
    let truncated = false;
    for (;;) {
      const page: { lines: string[]; continueCursor: string; isDone: boolean; title: string } = await ctx.runQuery(
        internal.attendance.export.sheetCsvPage,
        { eventId: ctx.eventId, paginationOpts: { numItems: CSV_PAGE_SIZE, cursor } },
      );
      title = page.title;
      lines.push(...page.lines);
      if (page.isDone) break;
      if (lines.length > CSV_MAX_ROWS) {
        truncated = true;
        break;
      }
      cursor = page.continueCursor;
    }
    const slug =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || "event";
    return { filename: `attendance-${slug}.csv`, csv: `${lines.join("\r\n")}\r\n`, rows: lines.length - 1, truncated };
  },
});
