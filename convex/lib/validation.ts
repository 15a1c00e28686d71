import { canonicalTimeZone } from "./timezoneNames";
import { invalidArgument } from "./errors";
import { slugProblem } from "./slugRule";
import { LIMITS } from "./vocabulary";

// Pragmatic check: one @, no spaces, a dot in the domain. Deliverability is the mail server's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Characters no stored text may hold: C0 and C1 controls (NUL included), DEL, and the bidi
// embeddings, overrides and isolates that make text display differently from what it is.
// Multi-line text may hold line feeds and tabs (a CR LF or lone CR becomes a line feed).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// Text made only of these shows as nothing: white space, format characters (zero-width space,
// joiners, word joiner, BOM, soft hyphen…) and the blank-looking Hangul and Braille fillers.
// eslint-disable-next-line no-misleading-character-class -- variation selectors and the grapheme joiner are listed on purpose
const INVISIBLE_ONLY = /^[\s\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0]*$/u;

export type TextOptions = {
  /** Descriptions and other free text: line breaks and tabs allowed. */
  multiline?: boolean;
};

/**
 * Trims and checks a required string; throws INVALID_ARGUMENT naming the field. Single-line
 * text (names, titles, venues…) holds no line breaks or control characters, multi-line text no
 * controls beyond line feeds and tabs; neither holds bidi controls, and text that would show
 * as nothing (only invisible characters) is refused.
 */
export function requireText(
  field: string,
  value: string,
  max: number,
  label = field,
  options: TextOptions = {},
): string {
  const text = options.multiline ? value.replace(/\r\n?/g, "\n") : value;
  const trimmed = text.trim();
  if (trimmed.length === 0) throw invalidArgument(field, `${capitalize(label)} is required.`);
  if (trimmed.length > max) {
    throw invalidArgument(field, `${capitalize(label)} must be at most ${max} characters.`);
  }
  if ((options.multiline ? CONTROL_OR_BIDI_MULTILINE : CONTROL_OR_BIDI).test(trimmed)) {
    throw invalidArgument(
      field,
      options.multiline
        ? `${capitalize(label)} cannot contain control characters.`
        : `${capitalize(label)} must be a single line without control characters.`,
    );
  }
  if (INVISIBLE_ONLY.test(trimmed)) {
    throw invalidArgument(field, `${capitalize(label)} must contain visible characters.`);
  }
  return trimmed;
}

export function normalizeEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length === 0) throw invalidArgument(field, "Email is required.");
  if (email.length > LIMITS.email || !EMAIL_PATTERN.test(email) || CONTROL_OR_BIDI.test(email)) {
    throw invalidArgument(field, "Enter a valid email address.");
  }
  return email;
}

export function checkPasswordStrength(field: string, password: string): void {
  if (password.length < LIMITS.password.min) {
    throw invalidArgument(field, `Password must be at least ${LIMITS.password.min} characters.`);
  }
  if (password.length > LIMITS.password.max) {
    throw invalidArgument(field, `Password must be at most ${LIMITS.password.max} characters.`);
  }
  if (!/[a-zA-Z]/.test(password) || !/[0-9]/.test(password)) {
    throw invalidArgument(field, "Password must contain at least one letter and one number.");
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Optional text: undefined or blank means "not set"; otherwise trimmed and length-checked. */
export function optionalText(
  field: string,
  value: string | undefined,
  max: number,
  label = field,
  options: TextOptions = {},
): string | undefined {
  if (value === undefined || value.trim().length === 0) return undefined;
  return requireText(field, value, max, label, options);
}

export function optionalEmail(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim().length === 0) return undefined;
  return normalizeEmail(field, value);
}

/** 3–48 chars of a-z, 0-9 and single inner hyphens; not a reserved word. */
export function requireSlug(field: string, value: string): string {
  const slug = value.trim();
  const problem = slugProblem(slug);
  if (problem !== undefined) throw invalidArgument(field, problem);
  return slug;
}

/** An absolute http(s) URL; anything else (javascript:, data:, relative) is refused. */
export function requireHttpUrl(field: string, value: string): string {
  const text = value.trim();
  if (text.length === 0) throw invalidArgument(field, "Enter a web address.");
  if (text.length > LIMITS.url) {
    throw invalidArgument(field, `Web addresses must be at most ${LIMITS.url} characters.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidArgument(field, "Enter a full web address starting with https://.");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw invalidArgument(field, "Only http:// and https:// addresses are allowed.");
  }
  return url.toString();
}

export function optionalHttpUrl(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim().length === 0) return undefined;
  return requireHttpUrl(field, value);
}

// IANA names look like "UTC" or "Area/Location"; this rejects offsets such as "+01:00",
// which newer Intl versions accept but which are not IANA zones.
const TIMEZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * An IANA timezone the runtime knows (checked with Intl), returned by its current name in its
 * canonical spelling: "europe/london" is stored as "Europe/London", "Asia/Calcutta" as "Asia/Kolkata".
 */
export function requireTimezone(field: string, value: string): string {
  const zone = value.trim();
  if (zone.length === 0 || zone.length > LIMITS.timezone || !TIMEZONE_SHAPE.test(zone)) {
    throw invalidArgument(field, "Choose a valid time zone.");
  }
  const canonical = canonicalTimeZone(zone);
  if (canonical === null) throw invalidArgument(field, `Unknown time zone "${zone}".`);
  return canonical;
}

const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"]);

/** An ISO 3166-1 alpha-2 country code, returned upper-cased. */
export function requireCountryCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  const known =
    /^[A-Z]{2}$/.test(code) &&
    !NOT_COUNTRIES.has(code) &&
    new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) !== undefined;
  if (!known) throw invalidArgument(field, "Choose a country.");
  return code;
}

export type LocationInput = { city: string; country: string; lat?: number; lng?: number };

/** City and country required; coordinates optional but only as a valid pair. */
export function requireLocation(field: string, value: LocationInput): LocationInput {
  const city = requireText(`${field}.city`, value.city, LIMITS.city, "city");
  const country = requireCountryCode(`${field}.country`, value.country);
  const { lat, lng } = value;
  if ((lat === undefined) !== (lng === undefined)) {
    throw invalidArgument(`${field}.lat`, "Give both latitude and longitude, or neither.");
  }
  if (lat !== undefined && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) {
    throw invalidArgument(`${field}.lat`, "Latitude must be between -90 and 90.");
  }
  if (lng !== undefined && !(Number.isFinite(lng) && lng >= -180 && lng <= 180)) {
    throw invalidArgument(`${field}.lng`, "Longitude must be between -180 and 180.");
  }
  return lat === undefined ? { city, country } : { city, country, lat, lng };
}

/** Tags: trimmed, de-duplicated case-insensitively, at most LIMITS.skills of LIMITS.skill chars. */
export function requireTags(field: string, values: string[]): string[] {
  // Bound the work before looking at each tag.
  if (values.length > LIMITS.skills * 2) {
    throw invalidArgument(field, `Add at most ${LIMITS.skills} tags.`);
  }
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of values) {
    const tag = raw.trim();
    if (tag.length === 0) throw invalidArgument(field, "Tags cannot be empty.");
    if (tag.length > LIMITS.skill) {
      throw invalidArgument(field, `Each tag must be at most ${LIMITS.skill} characters.`);
    }
    requireText(field, tag, LIMITS.skill, "each tag");
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > LIMITS.skills) {
    throw invalidArgument(field, `Add at most ${LIMITS.skills} tags.`);
  }
  return tags;
}

/** An integer within [min, max]. */
export function requireIntInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(field, `Must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
