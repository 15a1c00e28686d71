import { describe, expect, it } from "vitest";

import { checkLocation, toLocation } from "./validation";

describe("checkLocation", () => {
  it("asks for the missing half, worded for the form", () => {
    expect(checkLocation("  ", "DE", "the")).toEqual({
      "location.city": "Add the city too, or clear the country.",
      "location.country": undefined,
    });
    expect(checkLocation("Berlin", "", "your")).toEqual({
      "location.city": undefined,
      "location.country": "Choose your country too.",
    });
    expect(checkLocation("", "", "your")).toEqual({ "location.city": undefined, "location.country": undefined });
    expect(checkLocation("Berlin", "DE", "the")).toEqual({ "location.city": undefined, "location.country": undefined });
  });
});

describe("toLocation", () => {
  it("is both parts (city trimmed) or nothing", () => {
    expect(toLocation(" Berlin ", "DE")).toEqual({ city: "Berlin", country: "DE" });
    expect(toLocation(" ", "DE")).toBeUndefined();
    expect(toLocation("Berlin", "")).toBeUndefined();
  });
});
