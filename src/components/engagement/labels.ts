import {
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_RULES_REASON_LABELS,
  ENGAGEMENT_SOURCE_LABELS,
  ENGAGEMENT_SOURCES,
  ENGAGEMENT_LIMITS,
  type EngagementLevel,
  type EngagementRunMode,
  type EngagementRunStatus,
} from "@convex/lib/vocabulary";

export {
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_RULES_REASON_LABELS,
  ENGAGEMENT_SOURCE_LABELS,
  ENGAGEMENT_SOURCES,
  ENGAGEMENT_LIMITS,
};

/** One hue per level, most engaged darkest; used by the badge and the chart alike. */
export const LEVEL_COLORS: Record<EngagementLevel, { bar: string; badge: string; dot: string }> = {
  highly_engaged: {
    bar: "bg-emerald-600",
    badge:
      "bg-emerald-50 text-emerald-800 border-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:border-emerald-900",
    dot: "bg-emerald-600",
  },
  engaged: {
    bar: "bg-teal-500",
    badge: "bg-teal-50 text-teal-800 border-teal-200 dark:bg-teal-950 dark:text-teal-200 dark:border-teal-900",
    dot: "bg-teal-500",
  },
  moderately_engaged: {
    bar: "bg-sky-500",
    badge: "bg-sky-50 text-sky-800 border-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:border-sky-900",
    dot: "bg-sky-500",
  },
  low_engagement: {
    bar: "bg-amber-500",
    badge: "bg-amber-50 text-amber-900 border-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:border-amber-900",
    dot: "bg-amber-500",
  },
  inactive: {
    bar: "bg-slate-400",
    badge: "bg-slate-100 text-slate-700 border-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:border-slate-800",
    dot: "bg-slate-400",
  },
};

export const RUN_MODE_LABELS: Record<EngagementRunMode, string> = {
  model_direct: "Claude, direct",
  model_batch: "Claude, batch",
  rules: "Rule-based scorer",
};

export const RUN_STATUS_LABELS: Record<EngagementRunStatus, string> = {
  running: "Running",
  waiting_for_batch: "Waiting for the batch",
  completed: "Finished",
  failed: "Failed",
};

export const FACTOR_LABELS: Record<string, string> = {
  recentAttendance: "Recent attendance",
  lifetimeAttendance: "Lifetime attendance",
  reliability: "RSVP reliability",
  tenure: "Tenure",
  profile: "Profile",
};

/** "$0.0123" below a cent, "$1.20" above. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0.00";
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
