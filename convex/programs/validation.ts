// Program input: validators for the program and series forms and the checks that turn them
// into stored fields. Every check throws INVALID_ARGUMENT naming the form field, before anything
// is written.
import { v, type ObjectType } from "convex/values";
import { invalidArgument } from "../lib/errors";
import { optionalText, requireIntInRange, requireText, requireTimezone } from "../lib/validation";
import { enrollmentModeValidator, PROGRAM_LIMITS, programKindValidator } from "../lib/vocabulary";
import { checkLocalDate } from "./recurrence";

export const programFieldsValidator = {
  name: v.string(),
  description: v.optional(v.string()),
  kind: programKindValidator,
  startDate: v.string(), // "YYYY-MM-DD"
  endDate: v.string(),
  timezone: v.string(),
  capacity: v.optional(v.number()),
  enrollmentMode: enrollmentModeValidator,
  /** Attend at least this many sessions; omitted = all of them. */
  minAttended: v.optional(v.number()),
  countExcused: v.boolean(),
};
export type ProgramFieldsInput = ObjectType<typeof programFieldsValidator>;

/** `current`: the program being edited (its cohort and sessions bound capacity and criteria). */
export function checkProgramFields(
  input: ProgramFieldsInput,
  current: { enrolledCount: number; sessionCount: number } = { enrolledCount: 0, sessionCount: 0 },
) {
  const name = requireText("name", input.name, PROGRAM_LIMITS.name, "name");
  const description = optionalText("description", input.description, PROGRAM_LIMITS.description, "description", {
    multiline: true,
  });
  const startDate = checkLocalDate("startDate", input.startDate);
  const endDate = checkLocalDate("endDate", input.endDate);
  if (endDate < startDate) throw invalidArgument("endDate", "The end date must be on or after the start date.");
  const timezone = requireTimezone("timezone", input.timezone);
  let capacity: number | undefined;
  if (input.capacity !== undefined) {
    capacity = requireIntInRange("capacity", input.capacity, 1, PROGRAM_LIMITS.maxParticipants);
    if (capacity < current.enrolledCount) {
      throw invalidArgument(
        "capacity",
        `${current.enrolledCount} people are already enrolled; the capacity cannot be lower than that.`,
      );
    }
  }
  const minAttended = checkMinAttended(input.minAttended, current.sessionCount);
  return {
    name,
    description,
    kind: input.kind,
    startDate,
    endDate,
    timezone,
    capacity,
    enrollmentMode: input.enrollmentMode,
    minAttended,
    countExcused: input.countExcused,
  };
}

export function checkMinAttended(value: number | undefined, sessionCount: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw invalidArgument("minAttended", "Sessions to attend must be a whole number, 1 or more.");
  }
  if (value > sessionCount) {
    throw invalidArgument(
      "minAttended",
      sessionCount === 0
        ? "Add sessions before setting how many to attend."
        : `The program has ${sessionCount} session${sessionCount === 1 ? "" : "s"}; participants cannot attend more.`,
    );
  }
  return value;
}

export const seriesFieldsValidator = {
  title: v.optional(v.string()), // omitted: "<program> · Session n"
  firstDate: v.string(),
  startTime: v.string(), // "HH:mm"
  durationMinutes: v.number(),
  rrule: v.string(),
  exdates: v.array(v.string()),
  venue: v.optional(v.string()),
  onlineUrl: v.optional(v.string()),
  /** Completion criteria set with the series, checked against the new session count. */
  minAttended: v.optional(v.number()),
};
