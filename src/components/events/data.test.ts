import { describe, expect, test } from "vitest";

import type { Id } from "@convex/_generated/dataModel";
import { withRsvp } from "./data";
import type { EventPage } from "./types";

function event(overrides: Partial<EventPage> = {}): EventPage {
  return {
    _id: "e1" as Id<"events">,
    capacity: 2,
    spotsLeft: 1,
    goingCount: 1,
    maybeCount: 0,
    waitlistCount: 0,
    viewerRsvp: null,
    ...overrides,
  } as EventPage;
}

describe("withRsvp (the RSVP shown before the server answers)", () => {
  test("going with a seat free: going, one seat fewer", () => {
    const next = withRsvp(event(), "going");
    expect(next.viewerRsvp?.status).toBe("going");
    expect(next).toMatchObject({ goingCount: 2, spotsLeft: 0, waitlistCount: 0 });
  });

  test("going when full: waitlisted, the counts of going unchanged", () => {
    const next = withRsvp(event({ goingCount: 2, spotsLeft: 0 }), "going");
    expect(next.viewerRsvp?.status).toBe("waitlisted");
    expect(next).toMatchObject({ goingCount: 2, waitlistCount: 1, spotsLeft: 0 });
  });

  test("from going to maybe frees the seat", () => {
    const rsvp = {
      status: "going" as const,
      rsvpAt: 1,
      waitlistPosition: undefined,
      waitlistPositionIsLowerBound: undefined,
      promotedFromWaitlistAt: undefined,
    };
    const next = withRsvp(event({ goingCount: 2, spotsLeft: 0, viewerRsvp: rsvp }), "maybe");
    expect(next.viewerRsvp?.status).toBe("maybe");
    expect(next).toMatchObject({ goingCount: 1, maybeCount: 1, spotsLeft: 1 });
  });

  test("the same answer again, or going while waitlisted, changes nothing", () => {
    const waitlisted = event({
      goingCount: 2,
      spotsLeft: 0,
      waitlistCount: 1,
      viewerRsvp: {
        status: "waitlisted",
        rsvpAt: 1,
        waitlistPosition: 1,
        waitlistPositionIsLowerBound: undefined,
        promotedFromWaitlistAt: undefined,
      },
    });
    expect(withRsvp(waitlisted, "going")).toBe(waitlisted);
    const maybe = event({
      maybeCount: 1,
      viewerRsvp: {
        status: "maybe",
        rsvpAt: 1,
        waitlistPosition: undefined,
        waitlistPositionIsLowerBound: undefined,
        promotedFromWaitlistAt: undefined,
      },
    });
    expect(withRsvp(maybe, "maybe")).toBe(maybe);
  });

  test("no capacity: no seat count", () => {
    const next = withRsvp(event({ capacity: undefined, spotsLeft: null }), "going");
    expect(next.spotsLeft).toBeNull();
    expect(next.goingCount).toBe(2);
  });
});
