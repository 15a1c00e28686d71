// Programs: admins create and edit programs, create session series, and manage the cohort;
// members join, apply and leave. Sessions are events created through the events' own path.
import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { getMembership } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { orgAdminMutation, orgMemberMutation } from "../lib/functions";
import { enforceLimit } from "../lib/rateLimits";
import { optionalHttpUrl, optionalText, requireText } from "../lib/validation";
import { EVENT_LIMITS, PROGRAM_LIMITS, programStatusValidator } from "../lib/vocabulary";
import { onEventWritten } from "../engagement/hooks";
import { onEventPublished } from "../notifications/hooks";
import { DEFAULT_REMINDER_TIMES } from "../lib/vocabulary";
import { applyEventUpdate, insertEvent } from "../events/write";
import { apply, enroll, unenroll } from "./enrollment";
import { getEnrollment, listSessions, loadProgram } from "./model";
import { planSeries } from "./recurrence";
import { checkMinAttended, checkProgramFields, programFieldsValidator, seriesFieldsValidator } from "./validation";
import { localToUtc, toLocalInput } from "../events/validation";

const programArgs = { programId: v.id("programs") };

export const createProgram = orgAdminMutation({
  args: programFieldsValidator,
  returns: v.object({ programId: v.id("programs") }),
  handler: async (ctx, input) => {
    const fields = checkProgramFields(input);
    const now = Date.now();
    const programId = await ctx.db.insert("programs", {
      orgId: ctx.org._id,
      ...fields,
      status: "draft",
      enrolledCount: 0,
      pendingCount: 0,
      sessionCount: 0,
      seriesSeq: 0,
      createdBy: ctx.user._id,
      createdAt: now,
      updatedAt: now,
    });
    return { programId };
  },
});

/** Saves the program form (full replace). Capacity ≥ the cohort, criteria ≤ the sessions. */
export const updateProgram = orgAdminMutation({
  args: { ...programArgs, ...programFieldsValidator },
  returns: v.null(),
  handler: async (ctx, { programId, ...input }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const fields = checkProgramFields(input, program);
    await ctx.db.patch("programs", programId, { ...fields, updatedAt: Date.now() });
    if (fields.minAttended !== program.minAttended || fields.countExcused !== program.countExcused) {
      await ctx.scheduler.runAfter(0, internal.programs.jobs.resettle, { programId, cursor: null });
    }
    return null;
  },
});

/** Draft → active publishes its draft sessions (reminders, prompts); completed closes enrollment. */
export const setProgramStatus = orgAdminMutation({
  args: { ...programArgs, status: programStatusValidator },
  returns: v.null(),
  handler: async (ctx, { programId, status }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    if (program.status === status) return null;
    if (status === "draft" && program.status !== "draft") {
      throw appError("CONFLICT", "A program that has started cannot go back to draft.", "status");
    }
    const now = Date.now();
    await ctx.db.patch("programs", programId, { status, updatedAt: now });
    if (program.status === "draft") {
      for (const session of await listSessions(ctx, programId)) {
        if (session.status !== "draft") continue;
        await ctx.db.patch("events", session._id, { status: "published", publishedAt: now, updatedAt: now });
        await onEventWritten(ctx, session, { ...session, status: "published" });
        await onEventPublished(ctx, session._id, { announce: false });
      }
    }
    return null;
  },
});

/**
 * Creates a series of sessions from a recurrence rule, evaluated in the program's timezone.
 * Published with the program (drafts while it is a draft); enrolled participants are RSVP'd
 * going by a follow-up job (the cohort can be large).
 */
export const createSeries = orgAdminMutation({
  args: { ...programArgs, ...seriesFieldsValidator },
  returns: v.object({ count: v.number(), eventIds: v.array(v.id("events")) }),
  handler: async (ctx, { programId, title, venue, onlineUrl, minAttended, ...series }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    if (program.status === "completed") throw appError("CONFLICT", "This program is completed.");
    const planned = planSeries({ ...series, timezone: program.timezone });
    const total = program.sessionCount + planned.length;
    if (total > PROGRAM_LIMITS.maxSessions) {
      throw invalidArgument(
        "rrule",
        `A program has at most ${PROGRAM_LIMITS.maxSessions} sessions; this would make ${total}.`,
      );
    }
    const baseTitle = title === undefined ? undefined : requireText("title", title, EVENT_LIMITS.title - 20, "title");
    const location = optionalText("venue", venue, EVENT_LIMITS.venue, "venue");
    const online = optionalHttpUrl("onlineUrl", onlineUrl);
    const criteria = minAttended === undefined ? program.minAttended : checkMinAttended(minAttended, total);
    const seriesSeq = program.seriesSeq + 1;
    const seriesId = `${programId}:${seriesSeq}`;
    const publish = program.status === "active";
    const eventIds: Id<"events">[] = [];
    for (const [i, s] of planned.entries()) {
      const n = program.sessionCount + i + 1;
      const eventId = await insertEvent(
        ctx,
        ctx.org._id,
        ctx.user._id,
        {
          title: `${baseTitle ?? program.name} · Session ${n}`,
          description: program.description,
          eventType: program.kind === "reading_group" ? "reading_group" : "workshop",
          timezone: program.timezone,
          startTime: s.startTime,
          endTime: s.endTime,
          location,
          locationUrl: undefined,
          onlineUrl: online,
          capacity: undefined,
          notifyBefore: [...DEFAULT_REMINDER_TIMES],
        },
        { publish, announce: false, link: { programId, series: { seriesId, index: i } } },
      );
      eventIds.push(eventId);
    }
    await ctx.db.patch("programs", programId, {
      sessionCount: total,
      seriesSeq,
      minAttended: criteria,
      updatedAt: Date.now(),
    });
    if (program.enrolledCount > 0) {
      await ctx.scheduler.runAfter(0, internal.programs.jobs.rsvpNewSessions, { programId, eventIds, cursor: null });
    }
    for (const s of planned) {
      await ctx.scheduler.runAt(s.endTime + PROGRAM_LIMITS.atRiskGraceMs, internal.programs.jobs.review, {
        programId,
        cursor: null,
      });
    }
    return { count: planned.length, eventIds };
  },
});

/**
 * Edits one session or this and all following of its series: the local start time and length
 * (each session keeps its own date, so a DST change does not move the wall-clock time), the
 * venue and the online link. Sessions that have started are left alone.
 */
export const updateSessions = orgAdminMutation({
  args: {
    ...programArgs,
    eventId: v.id("events"),
    scope: v.union(v.literal("one"), v.literal("following")),
    startTime: v.string(), // "HH:mm"
    durationMinutes: v.number(),
    venue: v.optional(v.string()),
    onlineUrl: v.optional(v.string()),
  },
  returns: v.object({ updated: v.number() }),
  handler: async (ctx, { programId, eventId, scope, startTime, durationMinutes, venue, onlineUrl }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const target = await ctx.db.get("events", eventId);
    if (target === null || target.programId !== programId) {
      throw appError("NOT_FOUND", "This session does not exist.", "eventId");
    }
    if (!/^\d{2}:\d{2}$/.test(startTime.trim())) throw invalidArgument("startTime", "Enter a time like 18:30.");
    if (
      !Number.isInteger(durationMinutes) ||
      durationMinutes < 5 ||
      durationMinutes > PROGRAM_LIMITS.maxSessionMinutes
    ) {
      throw invalidArgument("durationMinutes", "A session lasts from 5 minutes to 12 hours.");
    }
    const location = optionalText("venue", venue, EVENT_LIMITS.venue, "venue");
    const online = optionalHttpUrl("onlineUrl", onlineUrl);
    const now = Date.now();
    const sessions = (await listSessions(ctx, programId)).filter(
      (s) =>
        s.status !== "cancelled" &&
        s.startTime > now &&
        (s._id === eventId ||
          (scope === "following" &&
            target.series !== undefined &&
            s.series?.seriesId === target.series.seriesId &&
            s.startTime > target.startTime)),
    );
    if (sessions.length === 0) throw appError("CONFLICT", "This session has already started.", "eventId");
    // Check every new time first: a failed edit writes nothing.
    const planned = sessions.map((s) => {
      const day = toLocalInput(s.startTime, program.timezone).slice(0, 10);
      const start = localToUtc("startTime", `${day}T${startTime.trim()}`, program.timezone);
      return { session: s, start, end: start + durationMinutes * 60_000 };
    });
    for (const { session, start, end } of planned) {
      await applyEventUpdate(ctx, session, ctx.user._id, {
        title: session.title,
        description: session.description,
        eventType: session.eventType,
        timezone: session.timezone,
        startTime: start,
        endTime: end,
        location,
        locationUrl: session.locationUrl,
        onlineUrl: online,
        capacity: session.capacity,
        notifyBefore: session.notifyBefore ?? [...DEFAULT_REMINDER_TIMES],
      });
    }
    return { updated: planned.length };
  },
});

// ---------------------------------------------------------------------------------------------
// Cohort

function requireOpen(program: { status: string }) {
  if (program.status !== "active") throw appError("CONFLICT", "This program is not open for enrollment.");
}

/** Joins an open program, or applies to one that needs approval. */
export const join = orgMemberMutation({
  args: programArgs,
  returns: v.object({ status: v.union(v.literal("enrolled"), v.literal("pending")) }),
  handler: async (ctx, { programId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    requireOpen(program);
    if (program.enrollmentMode === "admin") {
      throw appError("FORBIDDEN", "People are added to this program by its organizers.");
    }
    await enforceLimit(ctx, "programEnrollment", ctx.user._id);
    const now = Date.now();
    if (program.enrollmentMode === "apply") {
      const existing = await getEnrollment(ctx, programId, ctx.user._id);
      if (existing?.status === "declined") {
        throw appError("CONFLICT", "Your application was declined; ask the organizers if you'd like to try again.");
      }
      await apply(ctx, program, ctx.user._id, now);
      return { status: "pending" as const };
    }
    await enroll(ctx, program, ctx.user._id, now);
    return { status: "enrolled" as const };
  },
});

/** Leaves the program (or withdraws an application): RSVPs to upcoming sessions go. */
export const leave = orgMemberMutation({
  args: programArgs,
  returns: v.null(),
  handler: async (ctx, { programId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const enrollment = await getEnrollment(ctx, programId, ctx.user._id);
    if (enrollment === null || (enrollment.status !== "enrolled" && enrollment.status !== "pending")) {
      throw appError("NOT_FOUND", "You are not in this program.");
    }
    await enforceLimit(ctx, "programEnrollment", ctx.user._id);
    await unenroll(ctx, program, enrollment, "left", Date.now());
    return null;
  },
});

/** Adds an org member to the program (any enrollment mode), approving an application if any. */
export const addParticipant = orgAdminMutation({
  args: { ...programArgs, userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { programId, userId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    if (program.status === "completed") throw appError("CONFLICT", "This program is completed.");
    if ((await getMembership(ctx, ctx.org._id, userId)) === null) {
      throw appError("NOT_FOUND", "This person is not a member of the organization.", "userId");
    }
    await enforceLimit(ctx, "programAddParticipant", ctx.user._id);
    await enroll(ctx, program, userId, Date.now());
    return null;
  },
});

/** Declines an application, or removes a participant. */
export const removeParticipant = orgAdminMutation({
  args: { ...programArgs, userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, { programId, userId }) => {
    const program = await loadProgram(ctx, ctx.org, ctx.membership, programId);
    const enrollment = await getEnrollment(ctx, programId, userId);
    if (enrollment === null || (enrollment.status !== "enrolled" && enrollment.status !== "pending")) {
      throw appError("NOT_FOUND", "This person is not in the program.", "userId");
    }
    await unenroll(ctx, program, enrollment, enrollment.status === "pending" ? "declined" : "left", Date.now());
    return null;
  },
});
