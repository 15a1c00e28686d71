/**
 * Client-side form checks. They mirror convex/lib/validation.ts so people get instant
 * feedback, but the server stays authoritative.
 */
import { LIMITS } from "@convex/lib/vocabulary";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export { LIMITS };

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function checkName(value: string): string | undefined {
  const name = value.trim();
  if (name === "") return "Name is required.";
  if (name.length > LIMITS.name) return `Name must be at most ${LIMITS.name} characters.`;
  return undefined;
}

export function checkEmail(value: string): string | undefined {
  const email = value.trim();
  if (email === "") return "Email is required.";
  if (email.length > LIMITS.email || !EMAIL_PATTERN.test(email)) {
    return "Enter a valid email address.";
  }
  return undefined;
}

/** For sign-up: the full strength rule. */
export function checkNewPassword(value: string): string | undefined {
  if (value === "") return "Password is required.";
  if (value.length < LIMITS.password.min) {
    return `Password must be at least ${LIMITS.password.min} characters.`;
  }
  if (value.length > LIMITS.password.max) {
    return `Password must be at most ${LIMITS.password.max} characters.`;
  }
  if (!/[a-zA-Z]/.test(value) || !/[0-9]/.test(value)) {
    return "Password must contain at least one letter and one number.";
  }
  return undefined;
}

/** For sign-in: only presence (the strength rule may have changed since the account was made). */
export function checkExistingPassword(value: string): string | undefined {
  return value === "" ? "Password is required." : undefined;
}

/**
 * A location is a city with its country, or neither. `whose` words the messages for the form:
 * "the" (an organization's) or "your" (the member's own).
 */
export function checkLocation(city: string, country: string, whose: "the" | "your") {
  const filled = city.trim() !== "";
  return {
    "location.city": !filled && country !== "" ? `Add ${whose} city too, or clear the country.` : undefined,
    "location.country": filled && country === "" ? `Choose ${whose} country too.` : undefined,
  };
}

/** The location to save: both parts, or undefined when either is empty. */
export function toLocation(city: string, country: string): { city: string; country: string } | undefined {
  const trimmed = city.trim();
  return trimmed !== "" && country !== "" ? { city: trimmed, country } : undefined;
}
