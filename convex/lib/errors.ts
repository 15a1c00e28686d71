import { ConvexError } from "convex/values";

/** Stable error codes the UI maps to messages (see DESIGN.md). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_ARGUMENT"
  | "CONFLICT"
  | "RATE_LIMITED";

export type AppErrorData = { code: ErrorCode; message: string; field?: string };

export function appError(code: ErrorCode, message: string, field?: string) {
  const data: AppErrorData = field === undefined ? { code, message } : { code, message, field };
  return new ConvexError(data);
}

export function invalidArgument(field: string, message: string) {
  return appError("INVALID_ARGUMENT", message, field);
}
