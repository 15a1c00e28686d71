import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";

import { errorCode, GENERIC_ERROR_MESSAGE, toFormError } from "./errors";

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

describe("errorCode", () => {
  test("reads the code of a ConvexError, also after server rendering turned it into a plain Error", () => {
    expect(errorCode(new ConvexError({ code: "NOT_FOUND", message: "Gone." }))).toBe("NOT_FOUND");
    expect(errorCode(new Error('{"code":"NOT_FOUND","message":"This organization does not exist."}'))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(new Error('[CONVEX Q(orgs/queries:getOrgBySlug)] {"code":"FORBIDDEN","message":"x"}'))).toBe(
      "FORBIDDEN",
    );
  });

  test("other errors have no code", () => {
    expect(errorCode(new Error("Connection lost"))).toBeUndefined();
    expect(errorCode(new Error('{"code":"SOMETHING_ELSE"}'))).toBeUndefined();
    expect(errorCode(new Error("{not json}"))).toBeUndefined();
    expect(errorCode(new TypeError('{"code":"NOT_FOUND"}'))).toBeUndefined();
  });
});
