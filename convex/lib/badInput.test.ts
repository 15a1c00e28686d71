// Every mutation that takes user text refuses bad input with INVALID_ARGUMENT naming the field,
// and writes nothing: the whole app state is compared before and after each refused call.
import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { createEventAs, createOrgAs, expectConvexError, snapshotCounts, snapshotRows } from "../test.fixtures";
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
  const updateName = (args: { name: string }) => ada.as.mutation(api.users.mutations.updateName, args);
  return { t, createOrg, updateOrg, updateProfile, updatePrefs, updateName };
}

/** Characters that break a line or hide what text is (one of each kind). */
const LINE_BREAKERS = [
  "\n",
  "\r",
  "\r\n",
  "\u0000",
  "\u0007",
  "\u001B",
  "\u007F",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u202E",
  "\u202A",
  "\u2067",
];
/** Text that shows as nothing. */
const INVISIBLE = ["\u200B", "\u200B\u200C\u200D", "\u2060", "\uFEFF", "\u00AD", "\u3164", " \u200B "];

const badUrls = [
  "javascript:alert(1)",
  "ftp://example.org",
  "data:text/html,hi",
  "/relative",
  "not a url",
  `https://${long(2050)}.org`,
];
const badSlugs = [
  "ab",
  long(49),
  "Upper",
  "-lead",
  "trail-",
  "dou--ble",
  "sp ace",
  "émoji",
  "new",
  "admin",
  "api",
  "settings",
];

const cases: Case[] = [
  // createOrg
  ...badSlugs.map((slug) => ({
    name: `createOrg slug "${slug.slice(0, 12)}"`,
    field: "slug",
    run: (w: World) => w.createOrg({ slug }),
  })),
  { name: "createOrg empty name", field: "name", run: (w) => w.createOrg({ name: "   " }) },
  { name: "createOrg long name", field: "name", run: (w) => w.createOrg({ name: long(101) }) },
  { name: "createOrg long description", field: "description", run: (w) => w.createOrg({ description: long(2001) }) },
  ...badUrls.map((website) => ({
    name: `createOrg website ${website.slice(0, 20)}`,
    field: "website",
    run: (w: World) => w.createOrg({ website }),
  })),
  ...badUrls.map((logoUrl) => ({
    name: `createOrg logoUrl ${logoUrl.slice(0, 20)}`,
    field: "logoUrl",
    run: (w: World) => w.createOrg({ logoUrl }),
  })),
  ...["no-at", "a@b", "a b@c.org", `${long(250)}@x.org`].map((contactEmail) => ({
    name: `createOrg contactEmail ${contactEmail.slice(0, 12)}`,
    field: "contactEmail",
    run: (w: World) => w.createOrg({ contactEmail }),
  })),
  {
    name: "createOrg empty city",
    field: "location.city",
    run: (w) => w.createOrg({ location: { city: " ", country: "DE" } }),
  },
  {
    name: "createOrg unknown country",
    field: "location.country",
    run: (w) => w.createOrg({ location: { city: "X", country: "Germany" } }),
  },
  {
    name: "createOrg lat without lng",
    field: "location.lat",
    run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 1 } }),
  },
  {
    name: "createOrg lat out of range",
    field: "location.lat",
    run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 91, lng: 0 } }),
  },
  {
    name: "createOrg lng out of range",
    field: "location.lng",
    run: (w) => w.createOrg({ location: { city: "X", country: "DE", lat: 0, lng: -181 } }),
  },
  // updateOrg
  { name: "updateOrg empty name", field: "name", run: (w) => w.updateOrg({ name: "" }) },
  {
    name: "updateOrg javascript website",
    field: "website",
    run: (w) => w.updateOrg({ website: "javascript:void(0)" }),
  },
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
  {
    name: "profile 21 skills",
    field: "skills",
    run: (w) => w.updateProfile({ skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }),
  },
  { name: "profile long skill", field: "skills", run: (w) => w.updateProfile({ skills: [long(41)] }) },
  { name: "profile empty skill", field: "skills", run: (w) => w.updateProfile({ skills: ["  "] }) },
  {
    name: "profile bad country",
    field: "location.country",
    run: (w) => w.updateProfile({ location: { city: "X", country: "ZZ" } }),
  },
  {
    name: "profile lng out of range",
    field: "location.lng",
    run: (w) => w.updateProfile({ location: { city: "X", country: "DE", lat: 0, lng: 200 } }),
  },
  // Control characters, bidi controls and invisible-only text in single-line fields
  ...LINE_BREAKERS.map((bad, i) => ({
    name: `createOrg name with control ${i}`,
    field: "name",
    run: (w: World) => w.createOrg({ name: `Hub${bad}x` }),
  })),
  ...INVISIBLE.map((blank, i) => ({
    name: `createOrg invisible name ${i}`,
    field: "name",
    run: (w: World) => w.createOrg({ name: blank }),
  })),
  {
    name: "createOrg city with a line break",
    field: "location.city",
    run: (w) => w.createOrg({ location: { city: "Ber\nlin", country: "DE" } }),
  },
  {
    name: "createOrg description with NUL",
    field: "description",
    run: (w) => w.createOrg({ description: "Hi\u0000there" }),
  },
  {
    name: "createOrg description with a bidi override",
    field: "description",
    run: (w) => w.createOrg({ description: "Hi \u202Eereht" }),
  },
  { name: "updateOrg name with CR LF", field: "name", run: (w) => w.updateOrg({ name: "Hub\r\nX-WR-CALNAME:Evil" }) },
  { name: "profile name with a line break", field: "name", run: (w) => w.updateProfile({ name: "Ada\nLovelace" }) },
  { name: "profile invisible name", field: "name", run: (w) => w.updateProfile({ name: "\u200B\u200D" }) },
  {
    name: "profile headline with a tab",
    field: "headline",
    run: (w) => w.updateProfile({ headline: "ML\tresearcher" }),
  },
  { name: "profile headline invisible", field: "headline", run: (w) => w.updateProfile({ headline: "\u2800" }) },
  { name: "profile skill with a line break", field: "skills", run: (w) => w.updateProfile({ skills: ["ml\nops"] }) },
  { name: "profile invisible skill", field: "skills", run: (w) => w.updateProfile({ skills: ["\uFEFF"] }) },
  {
    name: "profile city with a bidi isolate",
    field: "location.city",
    run: (w) => w.updateProfile({ location: { city: "Oslo\u2066", country: "NO" } }),
  },
  { name: "updateName with a line break", field: "name", run: (w) => w.updateName({ name: "Ada\r\nBcc: x@y.z" }) },
  // updateNotificationPreferences
  { name: "prefs unknown timezone", field: "timezone", run: (w) => w.updatePrefs({ timezone: "Nowhere/Land" }) },
  {
    name: "prefs negative reminder",
    field: "eventReminders.reminderTimes",
    run: (w) => w.updatePrefs({ eventReminders: { enabled: true, reminderTimes: [-5] } }),
  },
  {
    name: "prefs too many reminders",
    field: "eventReminders.reminderTimes",
    run: (w) => w.updatePrefs({ eventReminders: { enabled: true, reminderTimes: [1, 2, 3, 4, 5, 6] } }),
  },
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
    await w.createOrg({
      slug: "a1-b2-c3",
      website: "http://example.org/path?q=1",
      logoUrl: "https://cdn.example.org/logo.png",
    });
    await w.updateProfile({ timezone: "America/Argentina/Buenos_Aires", skills: [long(40), "ML", "ml"] });
    await w.updateProfile({ timezone: "UTC", location: { city: "Quito", country: "ec", lat: -0.18, lng: -78.47 } });
    // Multi-line text keeps its line breaks (CR LF stored as LF) and tabs; joiners inside
    // visible text (emoji, Persian) and right-to-left text are fine.
    const { orgId } = await w.createOrg({
      slug: "multi",
      name: "Hub 👩‍💻",
      description: "Line one\r\nLine two\n\n\tIndented",
    });
    const org = await w.t.run(async (ctx) => ctx.db.get("organizations", orgId));
    expect(org?.description).toBe("Line one\nLine two\n\n\tIndented");
    await w.updateProfile({ name: "می‌خواهم", headline: "שלום עולם" });
  });
});

describe("event text", () => {
  test("title, venue and cancel reason are single lines; the description keeps its lines but no controls", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId } = await createOrgAs(ada.as);
    for (const [field, overrides] of [
      ["title", { title: "Talk\r\nUID:x" }],
      ["title", { title: "\u200B" }],
      ["venue", { venue: "Room 1\nBEGIN:VEVENT" }],
      ["venue", { venue: "Room \u202E1" }],
      ["description", { description: "ok\u0000" }],
    ] as const) {
      expect(await expectConvexError(createEventAs(ada.as, orgId, overrides, { publish: false }))).toMatchObject({
        code: "INVALID_ARGUMENT",
        field,
      });
    }
    const eventId = await createEventAs(ada.as, orgId, { description: "Agenda:\n- one\n- two" });
    expect(
      await expectConvexError(
        ada.as.mutation(api.events.mutations.cancelEvent, { eventId, reason: "Rain\r\nSTATUS:CONFIRMED" }),
      ),
    ).toMatchObject({ code: "INVALID_ARGUMENT", field: "cancelReason" });
  });
});
