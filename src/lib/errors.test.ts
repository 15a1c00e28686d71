import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";

import { GENERIC_ERROR_MESSAGE, toFormError } from "./errors";

describe("toFormError", () => {
  test("a rate limit says when to try again", () => {
    const error = new ConvexError({
      code: "RATE_LIMITED",
      message: "Too many failed sign-in attempts.",
      retryAfter: 29_500,
    });
    expect(toFormError(error)).toEqual({ message: "Too many attempts. Try again in 30 seconds.", retryAfter: 29_500 });
    expect(toFormError(new ConvexError({ code: "RATE_LIMITED", message: "", retryAfter: 125_000 })).message).toBe(
      "Too many attempts. Try again in 3 minutes.",
    );
  });

  test("coded sign-in errors keep their message and field", () => {
    expect(toFormError(new ConvexError({ code: "UNAUTHENTICATED", message: "Wrong email or password." }))).toEqual({
      message: "Wrong email or password.",
    });
    expect(
      toFormError(
        new ConvexError({ code: "CONFLICT", message: "An account with this email already exists.", field: "email" }),
      ),
    ).toEqual({ field: "email", message: "An account with this email already exists." });
  });

  test("plain errors never show their text", () => {
    expect(toFormError(new Error("InvalidSecret"))).toEqual({ message: GENERIC_ERROR_MESSAGE });
    expect(toFormError(new Error("Account a@b.co already exists"))).toEqual({ message: GENERIC_ERROR_MESSAGE });
  });
});
