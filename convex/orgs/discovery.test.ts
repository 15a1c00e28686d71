import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createOrgAs, expectConvexError, joinOrg } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const page = { numItems: 20, cursor: null };

describe("searchOrgs", () => {
  test("finds public orgs by name and never private ones", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    await createOrgAs(ada.as, { name: "Safety Reading Group", slug: "reading-public" });
    await createOrgAs(ada.as, { name: "Safety Reading Circle", slug: "reading-private", visibility: "private" });
    const result = await t.query(api.orgs.queries.searchOrgs, { query: "reading", paginationOpts: page });
    expect(result.page.map((o) => o.slug)).toEqual(["reading-public"]);
    // Browsing without a query excludes private orgs too, even for their admin.
    const browse = await ada.as.query(api.orgs.queries.searchOrgs, { query: "", paginationOpts: page });
    expect(browse.page.map((o) => o.slug)).toEqual(["reading-public"]);
  });

  test("filters by country, with or without a query", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    await createOrgAs(ada.as, {
      name: "AI Safety Berlin",
      slug: "ais-berlin",
      location: { city: "Berlin", country: "DE" },
    });
    await createOrgAs(ada.as, {
      name: "AI Safety Paris",
      slug: "ais-paris",
      location: { city: "Paris", country: "FR" },
    });
    const search = await t.query(api.orgs.queries.searchOrgs, { query: "safety", country: "fr", paginationOpts: page });
    expect(search.page.map((o) => o.slug)).toEqual(["ais-paris"]);
    const browse = await t.query(api.orgs.queries.searchOrgs, { query: " ", country: "DE", paginationOpts: page });
    expect(browse.page.map((o) => o.slug)).toEqual(["ais-berlin"]);
    expect(
      await expectConvexError(
        t.query(api.orgs.queries.searchOrgs, { query: "", country: "Narnia", paginationOpts: page }),
      ),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "country" });
  });

  test("pages hold at most 20 orgs", async () => {
    const t = newTest();
    // Different founders: one person may create only a few orgs an hour.
    for (let i = 0; i < 22; i++) await createOrgAs((await signedInUser(t)).as, { name: `Group ${i}` });
    const result = await t.query(api.orgs.queries.searchOrgs, {
      query: "",
      paginationOpts: { numItems: 100, cursor: null },
    });
    expect(result.page).toHaveLength(20);
    expect(result.isDone).toBe(false);
  });
});

describe("suggestOrgsNearMe", () => {
  async function world() {
    const t = newTest();
    const ada = await signedInUser(t);
    const me = await signedInUser(t);
    const berlin = { city: "Berlin", country: "DE" };
    const mine = await createOrgAs(ada.as, { slug: "berlin-mine", location: berlin });
    await joinOrg(ada.as, me.as, mine.orgId);
    await createOrgAs(ada.as, { slug: "munich-1", location: { city: "Munich", country: "DE" } });
    await createOrgAs(ada.as, { slug: "berlin-1", location: { city: "berlin ", country: "DE" } });
    await createOrgAs(ada.as, { slug: "berlin-secret", location: berlin, visibility: "private" });
    await createOrgAs(ada.as, { slug: "paris-1", location: { city: "Paris", country: "FR" } });
    return { t, me };
  }
  const profile = {
    name: "Me",
    skills: [],
    timezone: "Europe/Berlin",
    location: { city: "Berlin", country: "DE" },
  };

  test("nothing without opt-in, even with a location", async () => {
    const { me } = await world();
    await me.as.mutation(api.profiles.mutations.updateMyProfile, profile);
    expect(await me.as.query(api.orgs.queries.suggestOrgsNearMe, {})).toEqual({ status: "opted_out", orgs: [] });
  });

  test("opted in without a location says so", async () => {
    const { me } = await world();
    await me.as.mutation(api.profiles.mutations.updateMyProfile, { ...profile, location: undefined });
    await me.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: true,
    });
    expect(await me.as.query(api.orgs.queries.suggestOrgsNearMe, {})).toEqual({ status: "no_location", orgs: [] });
  });

  test("opted in: same city first, then same country; not mine, not private, not abroad", async () => {
    const { me } = await world();
    await me.as.mutation(api.profiles.mutations.updateMyProfile, profile);
    await me.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: true,
    });
    const result = await me.as.query(api.orgs.queries.suggestOrgsNearMe, {});
    expect(result.status).toBe("ok");
    expect(result.orgs.map((o) => o.slug)).toEqual(["berlin-1", "munich-1"]);
  });

  test("a suggestion shows the org's uploaded logo rather than its logo link", async () => {
    const { t, me } = await world();
    await me.as.mutation(api.profiles.mutations.updateMyProfile, profile);
    await me.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: true,
    });
    const uploaded = await t.run(async (ctx) => {
      const org = (await ctx.db.query("organizations").collect()).find((o) => o.slug === "berlin-1")!;
      const logoStorageId = await ctx.storage.store(
        new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
      );
      await ctx.db.patch("organizations", org._id, { logoStorageId, logoUrl: "https://example.org/old-logo.png" });
      return await ctx.storage.getUrl(logoStorageId);
    });
    const result = await me.as.query(api.orgs.queries.suggestOrgsNearMe, {});
    expect(uploaded).not.toBeNull();
    expect(result.orgs.find((o) => o.slug === "berlin-1")?.logoUrl).toBe(uploaded);
  });

  test("returns at most six", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    for (let i = 0; i < 8; i++) await createOrgAs(ada.as, { location: { city: "Oslo", country: "NO" } });
    await ada.as.mutation(api.profiles.mutations.updateMyProfile, {
      ...profile,
      location: { city: "Bergen", country: "NO" },
    });
    await ada.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: true,
    });
    // Ada belongs to all eight; a newcomer sees six of them.
    expect((await ada.as.query(api.orgs.queries.suggestOrgsNearMe, {})).orgs).toEqual([]);
    const bob = await signedInUser(t);
    await bob.as.mutation(api.profiles.mutations.updateMyProfile, {
      ...profile,
      location: { city: "Oslo", country: "NO" },
    });
    await bob.as.mutation(api.profiles.mutations.updatePrivacy, {
      privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
      shareLocationForSuggestions: true,
    });
    expect((await bob.as.query(api.orgs.queries.suggestOrgsNearMe, {})).orgs).toHaveLength(6);
  });
});
