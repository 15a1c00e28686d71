import { ConvexError } from "convex/values";
import type { AppErrorData, ErrorCode } from "./vocabulary";

export type { AppErrorData, ErrorCode };

export function appError(code: ErrorCode, message: string, field?: string) {
  const data: AppErrorData = field === undefined ? { code, message } : { code, message, field };
  return new ConvexError(data);
}

export function invalidArgument(field: string, message: string) {
  return appError("INVALID_ARGUMENT", message, field);
}
