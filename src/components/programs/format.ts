import type { Progress } from "./data";

/** "5 of 8". */
export function progressText(p: Progress): string {
  return `${p.attended} of ${p.total}`;
}

export function requirementText(p: Progress, countExcused: boolean): string {
  return `Attend at least ${p.required} of ${p.total} sessions${countExcused ? " (excused absences count)" : ""} to complete.`;
}
