import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Backstop for the exact-time reminder jobs: sends anything due and not yet sent (the seed's
// hourly job at minute 30). Reads only published events inside the reminder window.
crons.hourly("send-event-reminders", { minuteUTC: 30 }, internal.notifications.reminders.sweepDueReminders, {});
// Backstop for the "did you attend?" prompts (end + 2 h jobs, deferred second prompts): reads
// only events whose prompt fell due in the last day and the deferred prompts that are due.
crons.hourly("send-attendance-prompts", { minuteUTC: 45 }, internal.attendance.prompts.sweepAttendancePrompts, {});
// New events of the coming week for members on the (default) weekly digest (Mondays 08:07 UTC,
// off the top of the hour).
crons.weekly(
  "weekly-event-digest",
  { dayOfWeek: "monday", hourUTC: 8, minuteUTC: 7 },
  internal.notifications.digest.sendWeeklyDigest,
  {},
);

// Engagement levels for every org (Sundays 00:00 UTC): the rules for everyone, the model through
// the Message Batches API for members whose signals changed. Midnight on purpose: the week's
// levels are in place when it starts.
crons.weekly(
  "recompute-engagement",
  // eslint-disable-next-line @convex-dev/no-top-of-hour-crons
  { dayOfWeek: "sunday", hourUTC: 0, minuteUTC: 0 },
  internal.engagement.runs.weeklyRecompute,
  {},
);

// Uploaded files nobody attached as a cover or logo within a day (daily, 03:17 UTC).
crons.daily(
  "sweep-unattached-uploads",
  { hourUTC: 3, minuteUTC: 17 },
  internal.images.sweep.sweepUnattachedUploads,
  {},
);

export default crons;
