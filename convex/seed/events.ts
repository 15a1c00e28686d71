// Demo events: past and upcoming events in each demo org, with RSVPs, a waitlist, a cancelled
// event, drafts and attendance on past events. Written straight into the tables with the same
// counters the RSVP code maintains (goingCount, maybeCount, waitlistCount, waitlistSeq). Past
// events get attendance through the attendance code itself (so the event's and the members'
// counters agree with the rows): door check-ins, members' own answers, admin marks, no-shows,
// a disputed record, an excused absence, a walk-in, and feedback.
import { formatInTimeZone } from "date-fns-tz";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { localToUtc } from "../events/validation";
import { DEFAULT_REMINDER_TIMES, type EventType } from "../lib/vocabulary";
import { nameOf, onRsvpChanged, writeAttendance, type Mark } from "../attendance/model";

export type DemoEvent = {
  title: string;
  description?: string;
  eventType: EventType;
  /** Days from today (negative: past) and the local start time in `timezone`. */
  day: number;
  at: string; // "HH:mm"
  minutes: number;
  timezone: string;
  venue?: string;
  locationUrl?: string;
  onlineUrl?: string;
  capacity?: number;
  status: "draft" | "published" | "cancelled";
  cancelReason?: string;
  notifyBefore?: number[];
  /** Indexes into the org's member list (admins first, then members). */
  going?: number[];
  maybe?: number[];
  notGoing?: number[];
  /** In queue order. */
  waitlisted?: number[];
  /** Of the people going to a past event, these attended (the rest did not). */
  attended?: number[];
};

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export const DEMO_EVENTS: Record<string, DemoEvent[]> = {
  "ai-safety-berlin": [
    {
      title: "January meetup: what's new in evals",
      description:
        "Our monthly meetup. Three short talks on **dangerous-capability evaluations**, then pizza and open discussion.\n\n- 19:00 doors\n- 19:30 talks\n- 20:30 discussion",
      eventType: "meetup",
      day: -30,
      at: "19:00",
      minutes: 150,
      timezone: "Europe/Berlin",
      venue: "Impact Hub Berlin, Rollbergstraße 28A",
      locationUrl: "https://www.openstreetmap.org/search?query=Rollbergstra%C3%9Fe%2028A%20Berlin",
      status: "published",
      going: range(0, 18),
      maybe: [18, 19],
      attended: range(0, 12),
    },
    {
      title: "Workshop: red-teaming language models, hands-on",
      description:
        "Bring a laptop. We'll work in pairs on a structured red-teaming exercise and write up what we find.",
      eventType: "workshop",
      day: -12,
      at: "14:00",
      minutes: 180,
      timezone: "Europe/Berlin",
      venue: "Factory Berlin Görlitzer Park, Lohmühlenstraße 65",
      capacity: 12,
      status: "published",
      going: range(1, 13),
      attended: range(1, 10),
    },
    {
      title: "Monthly meetup: interpretability lightning talks",
      description:
        "Five-minute talks from members on interpretability work they've read or done. Want to give one? Reply in the group chat.\n\nNew here? You're very welcome: no background needed.",
      eventType: "meetup",
      day: 5,
      at: "19:00",
      minutes: 150,
      timezone: "Europe/Berlin",
      venue: "Impact Hub Berlin, Rollbergstraße 28A",
      locationUrl: "https://www.openstreetmap.org/search?query=Rollbergstra%C3%9Fe%2028A%20Berlin",
      capacity: 40,
      status: "published",
      notifyBefore: [...DEFAULT_REMINDER_TIMES],
      going: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
      maybe: [15, 16, 17, 18],
      notGoing: [19, 20],
    },
    {
      title: "Hands-on workshop: building evals with Inspect",
      description:
        "A small-group workshop: we'll write and run a simple evaluation end to end. **Seats are limited to 8** so everyone gets help.",
      eventType: "workshop",
      day: 9,
      at: "10:00",
      minutes: 240,
      timezone: "Europe/Berlin",
      venue: "Factory Berlin Görlitzer Park, Lohmühlenstraße 65",
      capacity: 8,
      status: "published",
      going: [0, 3, 4, 5, 6, 7, 8, 9],
      waitlisted: [10, 1, 11],
    },
    {
      title: "Online talk: compute governance, live from Bengaluru",
      description:
        "A guest talk on compute governance from a researcher in Bengaluru, followed by Q&A. Times are in India Standard Time (UTC+5:30).",
      eventType: "talk",
      day: 7,
      at: "20:30",
      minutes: 75,
      timezone: "Asia/Kolkata",
      onlineUrl: "https://meet.example.com/astn-compute-governance",
      status: "published",
      going: [2, 5, 9, 12, 21, 22],
      maybe: [6, 14],
    },
    {
      title: "Summer social at Tempelhofer Feld",
      description: "Picnic, frisbee and conversation. Bring something to share.",
      eventType: "social",
      day: 14,
      at: "16:00",
      minutes: 240,
      timezone: "Europe/Berlin",
      venue: "Tempelhofer Feld, entrance Oderstraße",
      status: "cancelled",
      cancelReason: "A storm warning is out for the whole weekend. We'll pick a new date at the next meetup.",
      going: [0, 2, 3, 4, 8, 13],
      maybe: [5, 6],
    },
    {
      title: "Paper club: scalable oversight",
      description: "Draft: pick two papers and confirm the room before publishing.",
      eventType: "reading_group",
      day: 21,
      at: "18:30",
      minutes: 120,
      timezone: "Europe/Berlin",
      status: "draft",
    },
  ],
  "oxford-alignment-reading-group": [
    {
      title: "Week 1: Concrete Problems in AI Safety",
      description: "We start with the classic: Amodei et al. (2016). Read sections 1–4 before the session.",
      eventType: "reading_group",
      day: -14,
      at: "18:00",
      minutes: 90,
      timezone: "Europe/London",
      venue: "Seminar Room 2, St Catherine's College",
      status: "published",
      going: range(0, 14),
      maybe: [14, 15],
      attended: range(0, 11),
    },
    {
      title: "Week 2: Risks from Learned Optimization",
      description: "Hubinger et al. (2019), sections 1–3. We'll focus on the inner alignment problem.",
      eventType: "reading_group",
      day: -7,
      at: "18:00",
      minutes: 90,
      timezone: "Europe/London",
      venue: "Seminar Room 2, St Catherine's College",
      status: "published",
      going: range(0, 12),
      notGoing: [12, 13],
      attended: range(0, 9),
    },
    {
      title: "Week 3: Goal misgeneralization",
      description: "Shah et al. (2022) and Langosco et al. (2022). Come with one example of your own.",
      eventType: "reading_group",
      day: 2,
      at: "18:00",
      minutes: 90,
      timezone: "Europe/London",
      venue: "Seminar Room 2, St Catherine's College",
      capacity: 15,
      status: "published",
      going: [0, 1, 2, 3, 4, 5, 6, 7, 8],
      maybe: [9, 10, 11],
      notGoing: [12],
    },
    {
      title: "Week 4: Eliciting latent knowledge",
      description:
        "The ELK report (Christiano et al., 2021): read the first 30 pages. Hybrid: join in person or online.",
      eventType: "reading_group",
      day: 9,
      at: "18:00",
      minutes: 90,
      timezone: "Europe/London",
      venue: "Seminar Room 2, St Catherine's College",
      onlineUrl: "https://meet.example.com/oxford-elk",
      capacity: 15,
      status: "published",
      going: [0, 1, 3, 5],
      maybe: [2],
    },
    {
      title: "End-of-term social",
      eventType: "social",
      day: 30,
      at: "19:00",
      minutes: 180,
      timezone: "Europe/London",
      venue: "The Royal Oak, Woodstock Road",
      status: "draft",
    },
  ],
  "governance-fellows": [
    {
      title: "Fellowship kick-off",
      description: "Introductions, the programme for the term, and how the policy memos will work.",
      eventType: "meetup",
      day: -10,
      at: "17:00",
      minutes: 120,
      timezone: "Europe/London",
      venue: "Fellows' room (members know where)",
      status: "published",
      going: [0, 1, 2, 3, 4],
      attended: [0, 1, 2, 3],
    },
    {
      title: "Policy memo workshop",
      description: "Bring a one-page draft of your memo. We'll review in pairs, then as a group.",
      eventType: "workshop",
      day: 4,
      at: "17:00",
      minutes: 120,
      timezone: "Europe/London",
      onlineUrl: "https://meet.example.com/governance-fellows",
      capacity: 6,
      status: "published",
      going: [0, 1, 2],
      maybe: [3],
    },
  ],
};

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Inserts one org's demo events and their RSVPs. `people` = the org's members, admins first. */
export async function seedOrgEvents(
  ctx: MutationCtx,
  orgId: Id<"organizations">,
  createdBy: Id<"users">,
  people: Id<"users">[],
  events: DemoEvent[],
  now: number,
) {
  for (const spec of events) {
    const day = formatInTimeZone(now + spec.day * DAY, spec.timezone, "yyyy-MM-dd");
    const startTime = localToUtc("startLocal", `${day}T${spec.at}`, spec.timezone);
    const endTime = startTime + spec.minutes * MINUTE;
    const createdAt = Math.min(now, startTime) - 10 * DAY;
    const published = spec.status !== "draft";
    const eventId = await ctx.db.insert("events", {
      orgId,
      title: spec.title,
      description: spec.description,
      eventType: spec.eventType,
      location: spec.venue,
      locationUrl: spec.locationUrl,
      onlineUrl: spec.onlineUrl,
      startTime,
      endTime,
      timezone: spec.timezone,
      capacity: spec.capacity,
      notifyBefore: spec.notifyBefore ?? [...DEFAULT_REMINDER_TIMES],
      status: spec.status,
      publishedAt: published ? createdAt + DAY : undefined,
      cancelledAt: spec.status === "cancelled" ? now - 2 * DAY : undefined,
      cancelReason: spec.cancelReason,
      goingCount: 0,
      maybeCount: 0,
      waitlistCount: 0,
      waitlistSeq: 0,
      sequence: spec.status === "cancelled" ? 1 : 0,
      createdBy,
      createdAt,
      updatedAt: createdAt,
    });
    if (!published) continue;

    const counters = { goingCount: 0, maybeCount: 0, waitlistCount: 0, waitlistSeq: 0 };
    const ended = endTime <= now;
    // RSVPs arrive over the days after publishing, in list order.
    let step = 0;
    const rsvpTime = () => Math.min(now, startTime) - 8 * DAY + step++ * 37 * MINUTE;
    const add = async (indexes: number[] | undefined, status: "going" | "maybe" | "not_going" | "waitlisted") => {
      for (const index of indexes ?? []) {
        const userId = people[index];
        if (userId === undefined) continue;
        const at = rsvpTime();
        const waitlist = status === "waitlisted" ? { waitlistOrder: ++counters.waitlistSeq, waitlistedAt: at } : {};
        const name = await nameOf(ctx, userId);
        const rowId = await ctx.db.insert("eventAttendance", {
          eventId,
          userId,
          rsvpStatus: status,
          rsvpAt: at,
          ...waitlist,
          name,
        });
        const event = (await ctx.db.get("events", eventId))!;
        await onRsvpChanged(ctx, event, (await ctx.db.get("eventAttendance", rowId))!, at);
        if (status === "going") counters.goingCount++;
        if (status === "maybe") counters.maybeCount++;
        if (status === "waitlisted") counters.waitlistCount++;
      }
    };
    await add(spec.going, "going");
    await add(spec.maybe, "maybe");
    await add(spec.notGoing, "not_going");
    await add(spec.waitlisted, "waitlisted");
    await ctx.db.patch("events", eventId, counters);
    if (ended && spec.status === "published" && spec.attended !== undefined) {
      await seedAttendance(ctx, eventId, createdBy, people, spec, endTime);
    }

    if (spec.status === "cancelled") {
      // History only: inserted directly, so no cancellation notices go to the made-up members.
      await ctx.db.insert("eventChanges", {
        eventId,
        orgId,
        kind: "cancelled",
        changedAt: now - 2 * DAY,
        changedBy: createdBy,
        changes: [],
        reason: spec.cancelReason,
      });
    }
  }
}

const COMMENTS = [
  "Really well run, and the discussion afterwards was the best part.",
  "Great speakers. The room was a bit too warm.",
  "I'd love a follow-up session on this.",
  "Good, but we ran over time and I had to leave before the Q&A.",
  "Met three people working on similar problems. Thank you!",
];
const RATINGS = [5, 4, 5, 3, 4, 5, 2, 4];

/**
 * A believable record for a past event: of those who attended, a third were checked in at the
 * door, a third said so themselves, a third were marked on the sheet; of those who did not, the
 * first said they came but was marked a no-show (disputed), the next said they couldn't make it,
 * the next was excused, the rest are no-shows. One member walked in without an RSVP. About half
 * of those who attended left feedback (one anonymously).
 */
async function seedAttendance(
  ctx: MutationCtx,
  eventId: Id<"events">,
  adminId: Id<"users">,
  people: Id<"users">[],
  spec: DemoEvent,
  endTime: number,
) {
  const event = (await ctx.db.get("events", eventId))!;
  const row = async (userId: Id<"users">) =>
    await ctx.db
      .query("eventAttendance")
      .withIndex("by_event_user", (q) => q.eq("eventId", eventId).eq("userId", userId))
      .unique();
  const mark = (state: Mark["state"], source: Mark["source"], at: number): Mark =>
    source === "check_in" ? { state, source, via: "door", by: adminId, at } : { state, source, by: adminId, at };
  const doors = event.startTime + 10 * MINUTE;
  const sheet = endTime + 20 * 60 * MINUTE;
  const answered = endTime + 3 * 60 * MINUTE;
  let missed = 0;
  let feedback = 0;
  for (const [position, index] of (spec.going ?? []).entries()) {
    const userId = people[index];
    if (userId === undefined) continue;
    const current = await row(userId);
    if (current === null) continue;
    if (spec.attended!.includes(index)) {
      const kind = position % 3;
      const patch =
        kind === 0
          ? { mark: mark("attended", "check_in", doors + position * MINUTE) }
          : kind === 1
            ? { selfReport: { attended: true, at: answered + position * MINUTE } }
            : { mark: mark("attended", "admin", sheet) };
      const at = kind === 0 ? doors + position * MINUTE : kind === 1 ? answered + position * MINUTE : sheet;
      const after = await writeAttendance(ctx, event, userId, current, patch, at);
      if (position % 2 === 0) {
        const rating = RATINGS[feedback % RATINGS.length]!;
        const comment = feedback % 2 === 0 ? COMMENTS[(feedback / 2) % COMMENTS.length] : undefined;
        const submittedAt = answered + 30 * MINUTE + feedback * 11 * MINUTE;
        await writeAttendance(
          ctx,
          event,
          userId,
          after,
          {
            feedback: {
              rating,
              ...(comment === undefined ? {} : { comment }),
              anonymous: feedback === 3,
              submittedAt,
              updatedAt: submittedAt,
            },
            commentAt: comment === undefined ? undefined : submittedAt,
          },
          submittedAt,
        );
        feedback += 1;
      }
    } else {
      const patch =
        missed === 0
          ? { selfReport: { attended: true, at: answered }, mark: mark("no_show", "admin", sheet) } // disputed
          : missed === 1
            ? { selfReport: { attended: false, at: answered } }
            : missed === 2
              ? { mark: mark("excused", "admin", sheet) }
              : { mark: mark("no_show", "admin", sheet) };
      await writeAttendance(ctx, event, userId, current, patch, missed === 1 ? answered : sheet);
      missed += 1;
    }
  }
  // A member who came without an RSVP.
  const answeredSomething = new Set([
    ...(spec.going ?? []),
    ...(spec.maybe ?? []),
    ...(spec.notGoing ?? []),
    ...(spec.waitlisted ?? []),
  ]);
  const walkInIndex = people.findIndex((_, index) => !answeredSomething.has(index));
  if (walkInIndex >= 0) {
    await writeAttendance(
      ctx,
      event,
      people[walkInIndex]!,
      null,
      { mark: mark("attended", "check_in", doors + 45 * MINUTE), walkIn: true },
      doors + 45 * MINUTE,
    );
  }
}
