// Every mutation that takes user text refuses bad input with INVALID_ARGUMENT naming the field,
// and writes nothing: the whole app state is compared before and after each refused call.
import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createOrgAs, expectConvexError, snapshotCounts, snapshotRows } from "../test.fixtures";
import { newTest, signedInUser } from "../test.setup";

const long = (n: number) => "x".repeat(n);
const validOrg = { name: "Hub", visibility: "public" as const };
const validProfile = { name: "Ada", skills: ["ml"], timezone: "Europe/Berlin" };
const validPrefs = {
  matchAlerts: { enabled: true },
  weeklyDigest: { enabled: false },
  timezone: "UTC",
  eventReminders: { enabled: true, reminderTimes: [60] },
};

type Case = { name: string; field: string; run: (ctx: World) => Promise<unknown> };
type World = Awaited<ReturnType<typeof world>>;

async function world() {
  const t = newTest();
  const ada = await signedInUser(t);
  const { orgId } = await createOrgAs(ada.as, { slug: "existing" });
  await ada.as.mutation(api.profiles.mutations.updateMyProfile, validProfile);
  const createOrg = (args: Record<string, unknown>) =>
    ada.as.mutation(api.orgs.mutations.createOrg, { ...validOrg, slug: "new-org", ...args });
  const updateOrg = (args: Record<string, unknown>) =>
    ada.as.mutation(api.orgs.mutations.updateOrg, { ...validOrg, orgId, ...args });
  const updateProfile = (args: Record<string, unknown>) =>
    ada.as.mutation(api.profiles.mutations.updateMyProfile, { ...validProfile, ...args });
  const updatePrefs = (args: Record<string, unknown>) =>
    ada.as.mutation(api.profiles.mutations.updateNotificationPreferences, {
      preferences: { ...validPrefs, ...args },
    });
  return { t, createOrg, updateOrg, updateProfile, updatePrefs };
}

const badUrls = ["javascript:alert(1)", "ftp://example.org", "data:text/html,hi", "/relative", "not a url", `https://${long(2050)}.org`];
const badSlugs = ["ab", long(49), "Upper", "-lead", "trail-", "dou--ble", "sp ace", "émoji", "new", "admin", "api", "settings"];

const cases: Case[] = [
  // createOrg
  ...badSlugs.map((slug) => ({ name: `createOrg slug "${slug.slice(0, 12)}"`, field: "slug", run: (w: World) => w.createOrg({ slug }) })),
  { name: "createOrg empty name", field: "name", run: (w) => w.createOrg({ name: "   " }) },
  { name: "createOrg long name", field: "name", run: (w) => w.createOrg({ name: long(101) }) },
  { name: "createOrg long description", field: "description", run: (w) => w.createOrg({ description: long(2001) }) },
  ...badUrls.map((website) => ({ name: `createOrg website ${website.slice(0, 20)}`, field: "website", run: (w: World) => w.createOrg({ website }) })),
  ...badUrls.map((logoUrl) => ({ name: `createOrg logoUrl ${logoUrl.slice(0, 20)}`, field: "logoUrl", run: (w: World) => w.createOrg({ logoUrl }) })),
  ...["no-at", "a@b", "a b@c.org", `${long(250)}@x.org`].map((contactEmail) => ({
    name: `createOrg contactEmail ${contactEmail.slice(0, 12)}`,
    field: "contactEmail",
    run: (w: World) => w.createOrg({ contactEmail }),
  })),
  { name: "createOrg empty city", field: "location.city", run: (w) => w.createOrg({ location: { city: " ", country: "DE" } }) },
  { name: "createOrg unknown country", field: "location.country", run: (w) => w.createOrg({ location: { city: "X", country: "Germany" } }) },
  { name: "createOrg lat without lng", field: "location.lat", run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 1 } }) },
  { name: "createOrg lat out of range", field: "location.lat", run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 91, lng: 0 } }) },
  { name: "createOrg lng out of range", field: "location.lng", run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 0, lng: -181 } }) },
  // updateOrg
  { name: "updateOrg empty name", field: "name", run: (w) => w.updateOrg({ name: "" }) },
  { name: "updateOrg javascript website", field: "website", run: (w) => w.updateOrg({ website: "javascript:void(0)" }) },
  { name: "updateOrg bad email", field: "contactEmail", run: (w) => w.updateOrg({ contactEmail: "nope" }) },
  // updateMyProfile
  { name: "profile empty name", field: "name", run: (w) => w.updateProfile({ name: " " }) },
  { name: "profile long name", field: "name", run: (w) => w.updateProfile({ name: long(101) }) },
  { name: "profile long headline", field: "headline", run: (w) => w.updateProfile({ headline: long(161) }) },
  ...["Mars/Olympus", "+01:00", "", "Europe/Berlin/../x", long(70)].map((timezone) => ({
    name: `profile timezone "${timezone.slice(0, 12)}"`,
    field: "timezone",
    run: (w: World) => w.updateProfile({ timezone }),
  })),
  { name: "profile 21 skills", field: "skills", run: (w) => w.updateProfile({ skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }) },
  { name: "profile long skill", field: "skills", run: (w) => w.updateProfile({ skills: [long(41)] }) },
  { name: "profile empty skill", field: "skills", run: (w) => w.updateProfile({ skills: ["  "] }) },
  { name: "profile bad country", field: "location.country", run: (w) => w.updateProfile({ location: { city: "X", country: "ZZ" } }) },
  { name: "profile lng out of range", field: "location.lng", run: (w) => w.updateProfile({ location: { city: "X", country: "DE", lat: 0, lng: 200 } }) },
  // updateNotificationPreferences
  { name: "prefs unknown timezone", field: "timezone", run: (w) => w.updatePrefs({ timezone: "Nowhere/Land" }) },
  { name: "prefs negative reminder", field: "eventReminders.reminderTimes", run: (w) => w.updatePrefs({ eventReminders: { enabled: true, reminderTimes: [-5] } }) },
  { name: "prefs too many reminders", field: "eventReminders.reminderTimes", run: (w) => w.updatePrefs({ eventReminders: { enabled: true, reminderTimes: [1, 2, 3, 4, 5, 6] } }) },
];

describe("bad input is refused with the field named, and nothing is written", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const w = await world();
    const before = await snapshotRows(w.t);
    const error = await expectConvexError(c.run(w));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: c.field });
    expect(await snapshotRows(w.t)).toEqual(before);
  });

  test("a refused first profile save creates no profile", async () => {
    const t = newTest();
    const bob = await signedInUser(t);
    const before = await snapshotCounts(t);
    const error = await expectConvexError(
      bob.as.mutation(api.profiles.mutations.updateMyProfile, { ...validProfile, timezone: "Bad/Zone" }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "timezone" });
    expect(await snapshotCounts(t)).toEqual(before);
  });

  test("valid edge values are accepted", async () => {
    const w = await world();
    await w.createOrg({ slug: "a1-b2-c3", website: "http://example.org/path?q=1", logoUrl: "https://cdn.example.org/logo.png" });
    await w.updateProfile({ timezone: "America/Argentina/Buenos_Aires", skills: [long(40), "ML", "ml"] });
    await w.updateProfile({ timezone: "UTC", location: { city: "Quito", country: "ec", lat: -0.18, lng: -78.47 } });
  });
});
