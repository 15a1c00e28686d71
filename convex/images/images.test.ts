import { describe, expect, test } from "vitest";
import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { createEventAs, createOrgAs, expectConvexError } from "../test.fixtures";
import { newTest, signedInUser, type TestBackend } from "../test.setup";
import { sniffImageType } from "./model";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

async function store(t: TestBackend, bytes: Uint8Array<ArrayBuffer>, type = "image/png") {
  return await t.run(async (ctx) => ctx.storage.store(new Blob([bytes], { type })));
}
async function exists(t: TestBackend, id: Id<"_storage">) {
  return await t.run(async (ctx) => (await ctx.db.system.get("_storage", id)) !== null);
}

describe("image type check", () => {
  test("recognises PNG, JPEG, GIF and WebP by their bytes, nothing else", () => {
    expect(sniffImageType(new Uint8Array(PNG))).toBe("image/png");
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a..."))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(sniffImageType(new Uint8Array([]))).toBeNull();
  });
});

describe("covers and logos", () => {
  test("an admin sets a cover (shown on the page and in lists), replaces it (the old file goes) and removes it", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId, slug } = await createOrgAs(ada.as);
    const eventId = await createEventAs(ada.as, orgId);
    expect(await ada.as.mutation(api.images.functions.generateUploadUrl, {})).toMatch(/^https?:\/\//);
    const first = await store(t, new Uint8Array(PNG));
    await ada.as.action(api.images.functions.setEventCover, { eventId, storageId: first });
    const page = await t.query(api.events.queries.getEvent, { eventId });
    expect(page.coverUrl).toMatch(/^https?:\/\//);
    const list = await t.query(api.events.queries.listOrgEvents, {
      slug,
      when: "upcoming",
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(list.page[0]!.coverUrl).toBe(page.coverUrl);
    // The same file can't be attached twice.
    const again = await expectConvexError(ada.as.action(api.images.functions.setOrgLogo, { orgId, storageId: first }));
    expect(again).toMatchObject({ code: "CONFLICT", field: "logo" });

    const second = await store(t, new Uint8Array(PNG));
    await ada.as.action(api.images.functions.setEventCover, { eventId, storageId: second });
    expect(await exists(t, first)).toBe(false);
    await ada.as.action(api.images.functions.removeEventCover, { eventId });
    expect(await exists(t, second)).toBe(false);
    expect((await t.query(api.events.queries.getEvent, { eventId })).coverUrl).toBeUndefined();

    const logo = await store(t, new Uint8Array(PNG));
    await ada.as.action(api.images.functions.setOrgLogo, { orgId, storageId: logo });
    const org = await t.query(api.orgs.queries.getOrgBySlug, { slug });
    expect(org.hasUploadedLogo).toBe(true);
    expect(org.logoUrl).toMatch(/^https?:\/\//);
  });

  test("a file that is not an image, or too large, is refused and deleted", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId } = await createOrgAs(ada.as);
    const eventId = await createEventAs(ada.as, orgId);
    const svg = await store(t, new TextEncoder().encode("<svg onload=alert(1)>"), "image/png");
    const error = await expectConvexError(
      ada.as.action(api.images.functions.setEventCover, { eventId, storageId: svg }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "cover" });
    expect(await exists(t, svg)).toBe(false);

    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const huge = await store(t, big);
    const tooBig = await expectConvexError(ada.as.action(api.images.functions.setOrgLogo, { orgId, storageId: huge }));
    expect(tooBig).toMatchObject({ code: "INVALID_ARGUMENT", field: "logo" });
    expect(await exists(t, huge)).toBe(false);
    expect((await t.query(api.events.queries.getEvent, { eventId })).coverUrl).toBeUndefined();
  });
});

describe("uploads nobody attached", () => {
  const HOUR = 3_600_000;
  const sweep = (t: TestBackend, now: number) => t.mutation(internal.images.sweep.sweepUnattachedUploads, { now });

  test("are deleted once a day old; attached covers and fresh uploads stay", async () => {
    const t = newTest();
    const ada = await signedInUser(t);
    const { orgId } = await createOrgAs(ada.as);
    const eventId = await createEventAs(ada.as, orgId);
    const abandoned = await store(t, new Uint8Array(PNG));
    const cover = await store(t, new Uint8Array(PNG));
    await ada.as.action(api.images.functions.setEventCover, { eventId, storageId: cover });

    // Under a day old: nothing goes yet.
    expect(await sweep(t, Date.now() + 23 * HOUR)).toEqual({ checked: 0, deleted: 0 });
    expect(await exists(t, abandoned)).toBe(true);

    expect(await sweep(t, Date.now() + 25 * HOUR)).toEqual({ checked: 2, deleted: 1 });
    expect(await exists(t, abandoned)).toBe(false);
    expect(await exists(t, cover)).toBe(true);
    expect((await t.query(api.events.queries.getEvent, { eventId })).coverUrl).toMatch(/^https?:\/\//);
  });

  test("a sweep pages through many files in follow-up jobs", async () => {
    const t = newTest();
    const ids: Id<"_storage">[] = [];
    for (let i = 0; i < 450; i++) ids.push(await store(t, new Uint8Array(PNG)));
    expect(await sweep(t, Date.now() + 2 * 24 * HOUR)).toEqual({ checked: 200, deleted: 200 });
    await t.finishAllScheduledFunctions(() => {});
    const left = await t.run(async (ctx) => (await ctx.db.system.query("_storage").collect()).length);
    expect(left).toBe(0);
  });
});
