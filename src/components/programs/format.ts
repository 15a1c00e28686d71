import type { Progress } from "./data";

/** "5 of 8". */
export function progressText(p: Progress): string {
  return `${p.attended} of ${p.total}`;
}

export function requirementText(p: Progress, countExcused: boolean): string {
  const base = `Attend at least ${p.required} of ${p.total} sessions${countExcused ? " (excused absences count)" : ""} to complete.`;
  if (p.joinedAfter === 0) return base;
  // Late joiners: the same criteria; the sessions before they joined are not absences.
  const n = p.joinedAfter;
  return `${base} You joined after ${n} ${n === 1 ? "session" : "sessions"}: ${n === 1 ? "it doesn't" : "they don't"} count as missed, and completing still takes ${p.required}.`;
}

/** Before joining a program under way: what the sessions already held mean for them. */
export function lateJoinText(held: number, required: number): string | null {
  if (held === 0) return null;
  return `${held} ${held === 1 ? "session has" : "sessions have"} already been held. ${held === 1 ? "It won't" : "They won't"} count as missed, and completing still takes ${required} sessions.`;
}
