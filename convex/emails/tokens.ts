// Signed, single-purpose tokens: base64url(payload) "." base64url(HMAC-SHA256). The payload
// names the user, the one thing the token may do, what it is about (an event) and when it
// expires. Verification uses crypto.subtle.verify, which compares the MAC in constant time, and
// each reader accepts only its own purposes (an unsubscribe link cannot record attendance).
import type { Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { env } from "../lib/env";
import { randomToken, toBase64Url } from "../lib/tokens";

export type UnsubscribePurpose = "reminders-off" | "announcements-off" | "attendance-prompts-off";
export const UNSUBSCRIBE_PURPOSES: UnsubscribePurpose[] = [
  "reminders-off",
  "announcements-off",
  "attendance-prompts-off",
];
/** "Did you make it?" answers from the email (subject: the event). */
export type AttendancePurpose = "attendance-yes" | "attendance-no";
export const ATTENDANCE_PURPOSES: AttendancePurpose[] = ["attendance-yes", "attendance-no"];
/** The venue's self check-in code (subject: the event; user: the admin who made it). */
export type CheckInPurpose = "event-check-in";
export const CHECK_IN_PURPOSES: CheckInPurpose[] = ["event-check-in"];
export type TokenPurpose = UnsubscribePurpose | AttendancePurpose | CheckInPurpose;

/** Links in emails stay valid this long (mail is read late; one-click must still work). */
export const UNSUBSCRIBE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

const SECRET_NAME = "unsubscribe-hmac";

type Payload = { u: string; p: TokenPurpose; e: number; s?: string };

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function hmacKey(secret: string) {
  return await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

/** The secret from UNSUBSCRIBE_SECRET, or the stored one (null if none was ever created). */
export async function readUnsubscribeSecret(ctx: QueryCtx): Promise<string | null> {
  const fromEnv = env.unsubscribeSecret();
  if (fromEnv !== undefined) return fromEnv;
  const row = await ctx.db
    .query("secrets")
    .withIndex("by_name", (q) => q.eq("name", SECRET_NAME))
    .unique();
  return row?.value ?? null;
}

/** Like readUnsubscribeSecret, generating and storing a random secret the first time. */
export async function getOrCreateUnsubscribeSecret(ctx: MutationCtx): Promise<string> {
  const existing = await readUnsubscribeSecret(ctx);
  if (existing !== null) return existing;
  const value = randomToken();
  await ctx.db.insert("secrets", { name: SECRET_NAME, value, createdAt: Date.now() });
  return value;
}

export async function signToken(
  secret: string,
  userId: Id<"users">,
  purpose: TokenPurpose,
  expiresAt: number,
  subject?: string,
): Promise<string> {
  const payload: Payload =
    subject === undefined
      ? { u: userId, p: purpose, e: expiresAt }
      : { u: userId, p: purpose, e: expiresAt, s: subject };
  const body = toBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(body));
  return `${body}.${toBase64Url(new Uint8Array(mac))}`;
}

/** A token for one purpose, valid UNSUBSCRIBE_TTL_MS (or `ttlMs`, which tests set negative). */
export async function createUnsubscribeToken(
  ctx: MutationCtx,
  userId: Id<"users">,
  purpose: UnsubscribePurpose,
  ttlMs = UNSUBSCRIBE_TTL_MS,
): Promise<string> {
  return await signToken(await getOrCreateUnsubscribeSecret(ctx), userId, purpose, Date.now() + ttlMs);
}

/** A token for `purpose` about `subject` (an event id), valid until `expiresAt`. */
export async function createPurposeToken(
  ctx: MutationCtx,
  userId: Id<"users">,
  purpose: AttendancePurpose | CheckInPurpose,
  subject: string,
  expiresAt: number,
): Promise<string> {
  return await signToken(await getOrCreateUnsubscribeSecret(ctx), userId, purpose, expiresAt, subject);
}

export type VerifiedToken<P extends TokenPurpose = UnsubscribePurpose> =
  | { ok: true; userId: string; purpose: P; expiresAt: number; subject: string | undefined }
  | { ok: false; reason: "invalid" | "expired" };

/**
 * Checks the MAC first (constant time), then purpose (one of `purposes`, unsubscribe ones by
 * default) and expiry. Never throws.
 */
export async function verifyToken<P extends TokenPurpose = UnsubscribePurpose>(
  secret: string | null,
  token: string,
  now: number,
  purposes: readonly P[] = UNSUBSCRIBE_PURPOSES as unknown as P[],
): Promise<VerifiedToken<P>> {
  if (secret === null || token.length === 0 || token.length > 1024) return { ok: false, reason: "invalid" };
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "invalid" };
  const [body, mac] = parts as [string, string];
  const macBytes = fromBase64Url(mac);
  if (macBytes === null || macBytes.length !== 32) return { ok: false, reason: "invalid" };
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), macBytes, new TextEncoder().encode(body));
  if (!valid) return { ok: false, reason: "invalid" };
  const bytes = fromBase64Url(body);
  if (bytes === null) return { ok: false, reason: "invalid" };
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Payload>;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (
    typeof payload.u !== "string" ||
    typeof payload.e !== "number" ||
    !purposes.includes(payload.p as P) ||
    (payload.s !== undefined && typeof payload.s !== "string")
  ) {
    return { ok: false, reason: "invalid" };
  }
  if (payload.e <= now) return { ok: false, reason: "expired" };
  return { ok: true, userId: payload.u, purpose: payload.p as P, expiresAt: payload.e, subject: payload.s };
}
