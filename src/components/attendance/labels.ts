import {
  ATTENDANCE_SOURCE_LABELS,
  ATTENDANCE_STATE_LABELS,
  CHECK_IN_VIA_LABELS,
  type AttendanceSource,
  type CheckInVia,
} from "@convex/lib/vocabulary";

export { ATTENDANCE_SOURCE_LABELS, ATTENDANCE_STATE_LABELS, CHECK_IN_VIA_LABELS };

/** How a record was made, for the member reading their own: "Checked in at the venue". */
export function howRecorded(source: AttendanceSource | null, via: CheckInVia | null): string | null {
  if (source === "check_in") return via ? CHECK_IN_VIA_LABELS[via] : ATTENDANCE_SOURCE_LABELS.check_in;
  if (source === "admin") return "Marked by an organizer";
  if (source === "self_report") return "Self-reported";
  return null;
}
