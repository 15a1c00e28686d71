import { describe, expect, test } from "vitest";
import { api } from "../_generated/api";
import { newTest, signedInUser } from "../test.setup";

describe("users.viewer", () => {
  test("is null for a signed-out caller", async () => {
    const t = newTest();
    expect(await t.query(api.users.queries.viewer, {})).toBeNull();
  });

  test("returns only the caller's own name and email", async () => {
    const t = newTest();
    const { userId, as } = await signedInUser(t, { name: "Ada", email: "ada@example.com" });
    expect(await as.query(api.users.queries.viewer, {})).toEqual({
      _id: userId,
      name: "Ada",
      email: "ada@example.com",
    });
  });
});

describe("users.updateName", () => {
  test("renames the caller", async () => {
    const t = newTest();
    const { as } = await signedInUser(t, { name: "Ada" });
    await as.mutation(api.users.mutations.updateName, { name: "  Ada L.  " });
    expect((await as.query(api.users.queries.viewer, {}))?.name).toBe("Ada L.");
  });

  test("rejects empty and over-long names without writing", async () => {
    const t = newTest();
    const { as } = await signedInUser(t, { name: "Ada" });
    await expect(as.mutation(api.users.mutations.updateName, { name: "   " })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "name" },
    });
    await expect(as.mutation(api.users.mutations.updateName, { name: "x".repeat(101) })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "name" },
    });
    expect((await as.query(api.users.queries.viewer, {}))?.name).toBe("Ada");
  });

  test("requires a signed-in caller", async () => {
    const t = newTest();
    await expect(t.mutation(api.users.mutations.updateName, { name: "X" })).rejects.toMatchObject({
      data: { code: "UNAUTHENTICATED" },
    });
  });
});
