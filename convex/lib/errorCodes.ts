// The error codes a ConvexError from the backend carries, and how a rate-limit wait reads for
// people. Part of the shared vocabulary (./vocabulary re-exports it); a module of its own, free of
// validators and label tables, so the app's first load can import it alone.

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_ARGUMENT",
  "CONFLICT",
  "RATE_LIMITED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What a ConvexError carries: a stable code, a message for people, the field it is about and,
 * for RATE_LIMITED, how many milliseconds until a retry can succeed.
 */
export type AppErrorData = { code: ErrorCode; message: string; field?: string; retryAfter?: number };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** "30 seconds", "2 minutes", "1 hour": a wait in ms, rounded up, for people. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** What a RATE_LIMITED answer says: "Too many attempts. Try again in 30 seconds." */
export function rateLimitMessage(retryAfter: number, lead = "Too many attempts."): string {
  return `${lead} Try again in ${describeWait(retryAfter)}.`;
}
