// The CSV file of a directory export: one row per member, written with papaparse (passed in, so
// the app loads it only when an admin exports), UTF-8 with a byte-order mark for spreadsheet
// apps, and every cell escaped against formula injection.
import type { unparse } from "papaparse";
import type { FunctionReturnType } from "convex/server";

import type { api } from "@convex/_generated/api";
import {
  CAREER_STAGE_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ORG_ROLE_LABELS,
  PROGRAM_PARTICIPATION_LABELS,
} from "@convex/lib/vocabulary";

export type ExportRow = FunctionReturnType<typeof api.crm.export.exportChunk>["rows"][number];

export const CSV_COLUMNS = [
  "Name",
  "Email",
  "Role",
  "Joined",
  "Level",
  "Computed level",
  "Override level",
  "Events attended",
  "Last attended",
  "Tags",
  "Headline",
  "City",
  "Country",
  "Career stage",
  "Skills",
  "Programs",
] as const;

// A spreadsheet runs a cell as a formula when it starts with one of these (tab and CR too).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading formula character gets a quote in front. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const day = (ms: number | undefined) => (ms === undefined ? "" : new Date(ms).toISOString().slice(0, 10));

export function toCells(row: ExportRow): string[] {
  return [
    row.name,
    row.email ?? "",
    ORG_ROLE_LABELS[row.role],
    day(row.joinedAt),
    row.level ? ENGAGEMENT_LEVEL_LABELS[row.level] : "",
    row.computedLevel ? ENGAGEMENT_LEVEL_LABELS[row.computedLevel] : "",
    row.overrideLevel ? ENGAGEMENT_LEVEL_LABELS[row.overrideLevel] : "",
    String(row.eventsAttended),
    day(row.lastAttendedAt),
    row.tags.join("; "),
    row.headline ?? "",
    row.city ?? "",
    row.country ?? "",
    row.careerStage ? CAREER_STAGE_LABELS[row.careerStage] : "",
    (row.skills ?? []).join("; "),
    // "Reading group (completed); Fellowship (enrolled)"
    row.programs.map((p) => `${p.name} (${PROGRAM_PARTICIPATION_LABELS[p.state].toLowerCase()})`).join("; "),
  ].map(escapeCell);
}

/** The whole file's text, BOM first. */
export function toCsv(papaUnparse: typeof unparse, rows: ExportRow[]): string {
  const body = papaUnparse({ fields: [...CSV_COLUMNS], data: rows.map(toCells) }, { newline: "\r\n", quotes: true });
  return `\uFEFF${body}\r\n`;
}
