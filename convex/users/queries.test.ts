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
