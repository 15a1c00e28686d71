import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { addEvent, addOrg, addPerson, as, DAY, HOUR, runScheduled } from "../notifications/testing";
import { newTest, type TestBackend } from "../test.setup";
import { advancePastEvents } from "./eventCounter";

const NOW = Date.UTC(2026, 2, 2, 10, 0);
const ZONE = "Europe/London";

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "Date"],
  });
});
afterEach(() => vi.useRealTimers());

async function stats(t: TestBackend, orgId: Id<"organizations">) {
  return t.run((ctx) =>
    ctx.db
      .query("engagementOrgStats")
      .withIndex("by_org", (q) => q.eq("orgId", orgId))
      .unique(),
  );
}

async function recompute(t: TestBackend, admin: Awaited<ReturnType<typeof as>>, orgId: Id<"organizations">) {
  const { runId } = await admin.mutation(api.engagement.mutations.recomputeNow, { orgId });
  await runScheduled(t);
  return t.run(async (ctx) => (await ctx.db.get("engagementRuns", runId))!);
}

/** "YYYY-MM-DDTHH:mm" in London (UTC in March). */
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe("the past-event counter", () => {
  test("a first run backfills it; publishing, editing and deleting keep it; time moves it forward", async () => {
    const t = newTest();
    const adminId = await addPerson(t, { name: "Admin" });
    const orgId = await addOrg(t, adminId);
    const admin = await as(t, adminId);
    // Existing data, written before the counter: 2 past published, a past draft, a past
    // cancelled one, and one ahead.
    await addEvent(t, orgId, adminId, { startTime: NOW - 10 * DAY });
    const edited = await addEvent(t, orgId, adminId, { startTime: NOW - 5 * DAY });
    const draft = await addEvent(t, orgId, adminId, { startTime: NOW - 3 * DAY, status: "draft" });
    await addEvent(t, orgId, adminId, { startTime: NOW - 2 * DAY, status: "cancelled" });
    const ahead = await addEvent(t, orgId, adminId, { startTime: NOW + 1 * DAY });

    const first = await recompute(t, admin, orgId);
    expect(first.totalOrgEvents).toBe(2);
    expect((await stats(t, orgId))!.totalOrgEvents).toBe(2);

    // Publishing a draft that already ended counts it at once.
    await admin.mutation(api.events.mutations.publishEvent, { eventId: draft });
    expect((await stats(t, orgId))!.totalOrgEvents).toBe(3);

    // Moving an ended event into the future takes it out; a new draft changes nothing.
    const later = Date.now() + 3 * DAY;
    await admin.mutation(api.events.mutations.updateEvent, {
      eventId: edited,
      title: "Reading group",
      eventType: "reading_group",
      startLocal: local(later),
      endLocal: local(later + 2 * HOUR),
      timezone: ZONE,
      venue: "The Library",
    });
    expect((await stats(t, orgId))!.totalOrgEvents).toBe(2);
    const { eventId: newDraft } = await admin.mutation(api.events.mutations.createEvent, {
      orgId,
      title: "Social",
      eventType: "social",
      startLocal: local(later),
      endLocal: local(later + HOUR),
      timezone: ZONE,
      venue: "The Pub",
    });
    await admin.mutation(api.events.mutations.deleteEvent, { eventId: newDraft });
    expect((await stats(t, orgId))!.totalOrgEvents).toBe(2);

    // A week on, the event ahead and the edited one have ended: the next run counts them,
    // reading only what ended since the last run.
    vi.setSystemTime(Date.now() + 7 * DAY);
    const second = await recompute(t, admin, orgId);
    expect(second.totalOrgEvents).toBe(4);
    expect(second.recentEventIds).toContain(ahead);
    expect(second.recentEventIds).toContain(edited);
    expect(second.recentEventIds).toHaveLength(4);
  }, 60_000); // the week's reminder and prompt jobs run too

  test("an advance is exact page by page, even when a page ends inside a shared end time", async () => {
    const t = newTest();
    const adminId = await addPerson(t, { name: "Admin" });
    const orgId = await addOrg(t, adminId);
    // Five events ending at the same moment, two before, one after, and a cancelled one.
    for (let i = 0; i < 5; i++) await addEvent(t, orgId, adminId, { startTime: NOW - 3 * DAY });
    await addEvent(t, orgId, adminId, { startTime: NOW - 5 * DAY });
    await addEvent(t, orgId, adminId, { startTime: NOW - 4 * DAY });
    await addEvent(t, orgId, adminId, { startTime: NOW - 1 * DAY });
    await addEvent(t, orgId, adminId, { startTime: NOW - 2 * DAY, status: "cancelled" });
    const steps = await t.run(async (ctx) => {
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) {
        const step = await advancePastEvents(ctx, orgId, NOW, 2);
        seen.push(step.totalOrgEvents);
        if (step.done) break;
      }
      return seen;
    });
    expect(steps.at(-1)).toBe(8);
    expect(steps.length).toBeGreaterThan(2);
    // Nothing ended since: another advance reads nothing and changes nothing.
    const again = await t.run((ctx) => advancePastEvents(ctx, orgId, NOW, 2));
    expect(again).toEqual({ done: true, totalOrgEvents: 8 });
  });
});
