import { ConvexError, type Value } from "convex/values";

import { type ErrorCode, isErrorCode, rateLimitMessage } from "@convex/lib/errorCodes";

export type { ErrorCode };

/**
 * What a form shows: a message, attached to a field when the server named one, and for a rate
 * limit how many milliseconds until a retry can succeed.
 */
export type FormError = { field?: string; message: string; retryAfter?: number };

export const GENERIC_ERROR_MESSAGE = "Something went wrong. Please try again.";

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: "We couldn't find what you were looking for.",
  INVALID_ARGUMENT: "Please check the highlighted fields.",
  CONFLICT: "That conflicts with something that already exists.",
  RATE_LIMITED: "Too many attempts. Please wait a moment and try again.",
};

function isConvexError(error: unknown): error is ConvexError<Value> {
  if (error instanceof ConvexError) return true;
  // A second copy of the convex package (or a structured clone) loses the prototype.
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "ConvexError" &&
    "data" in error
  );
}

/** The code of a ConvexError thrown by our backend, if it is one. */
export function errorCode(error: unknown): ErrorCode | undefined {
  const data = isConvexError(error) ? error.data : serverRenderedErrorData(error);
  if (typeof data === "object" && data !== null) {
    const code = (data as { code?: unknown }).code;
    if (isErrorCode(code)) return code;
  }
  return undefined;
}

/**
 * A query that failed while the page rendered on the server reaches the browser as a plain Error
 * whose message is the ConvexError's data as JSON (the SSR serializer keeps only the message).
 * Reading the code back lets the page show its answer at once instead of retrying.
 */
function serverRenderedErrorData(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== "Error") return undefined;
  const json = /^(?:\[CONVEX [^\]]*\] )?(\{.*\})$/s.exec(error.message)?.[1];
  if (!json) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * Turns anything thrown by a Convex call into something safe to show a user. Never returns a
 * stack trace or an internal message: only the messages our backend wrote for people. (The
 * backend answers sign-in failures with coded errors too: a wrong password and an unknown
 * email alike, a taken email as CONFLICT on `email`, a lockout as RATE_LIMITED.)
 */
export function toFormError(error: unknown): FormError {
  if (isConvexError(error)) {
    const data = error.data;
    if (typeof data === "string" && data.trim() !== "") return { message: data };
    if (typeof data === "object" && data !== null) {
      const { code, message, field, retryAfter } = data as {
        code?: unknown;
        message?: unknown;
        field?: unknown;
        retryAfter?: unknown;
      };
      if (code === "RATE_LIMITED" && typeof retryAfter === "number" && Number.isFinite(retryAfter)) {
        const wait = Math.max(0, retryAfter);
        return { message: rateLimitMessage(wait), retryAfter: wait };
      }
      const text =
        typeof message === "string" && message.trim() !== ""
          ? message
          : isErrorCode(code)
            ? DEFAULT_MESSAGES[code]
            : GENERIC_ERROR_MESSAGE;
      return typeof field === "string" && field !== "" ? { field, message: text } : { message: text };
    }
  }
  return { message: GENERIC_ERROR_MESSAGE };
}

/**
 * Whether a failure is one the backend meant (a ConvexError with a message for people: a field to
 * fix, a conflict, a permission). Those are shown where they happened; anything else (a dropped
 * connection, a server bug) is unexpected and reported once, app-wide.
 */
export function isExpectedError(error: unknown): boolean {
  return isConvexError(error);
}

/** The message to show beside a control for an expected failure; nothing for unexpected ones. */
export function expectedErrorMessage(error: unknown): string | undefined {
  return error != null && isExpectedError(error) ? toFormError(error).message : undefined;
}
