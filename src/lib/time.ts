// The app's time formatting lives with the backend's (convex/lib/timeFormat.ts) so pages and
// emails write times the same way.
export * from "@convex/lib/timeFormat";
