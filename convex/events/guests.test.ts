import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const privacy = { headline: true, location: false, skills: true, careerStage: true, email: false };

describe("the guest list", () => {
  test("members see who is going, except people who hid themselves; outsiders see nothing", async () => {
    const t = newTest();
    const ada = await signedInUser(t, { name: "Ada" });
    const bob = await signedInUser(t, { name: "Bob" });
    const cy = await signedInUser(t, { name: "Cy" });
    const out = await signedInUser(t, { name: "Out" });
    const { orgId } = await createOrgAs(ada.as, { visibility: "public" });
    await joinOrg(ada.as, bob.as, orgId);
    await joinOrg(ada.as, cy.as, orgId);
    const eventId = await createEventAs(ada.as, orgId, { capacity: 40 });
    for (const u of [ada, bob, cy]) await u.as.mutation(api.events.mutations.rsvp, { eventId, status: "going" });
    await cy.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { ...privacy, guestList: false },
      shareLocationForSuggestions: false,
    });

    const list = await bob.as.query(api.events.guests.listGuests, { eventId });
    expect(list.going).toBe(3);
    expect(list.guests.map((g) => [g.name, g.isViewer])).toEqual([
      ["Ada", false],
      ["Bob", true],
    ]);
    expect((await expectConvexError(out.as.query(api.events.guests.listGuests, { eventId }))).code).toBe("FORBIDDEN");

    // Leaving the org takes the list away at once.
    await bob.as.mutation(api.orgs.mutations.leaveOrg, { orgId });
    expect((await expectConvexError(bob.as.query(api.events.guests.listGuests, { eventId }))).code).toBe("FORBIDDEN");
  });
});
