// The directory's filters from the URL (shareable; Back restores them), validated here so the
// page only ever sees a combination the server indexes (see convex/crm/directoryPlan.ts): at
// most one of tag / career stage / city / skill, at most one range filter, whose field is the sort.
// Only types from the vocabulary: the lists below are checked against it at compile time.
import type { DirectoryFilters } from "@convex/crm/directoryPlan";
import type { CareerStage, DirectorySort, EngagementLevel, ProgramFilterState } from "@convex/lib/vocabulary";

type Exactly<List extends readonly string[], Union extends string> = [Union] extends [List[number]] ? List : never;
const ENGAGEMENT_LEVELS = [
  "highly_engaged",
  "engaged",
  "moderately_engaged",
  "low_engagement",
  "inactive",
] as const satisfies readonly EngagementLevel[];
const CAREER_STAGES = [
  "student",
  "early_career",
  "mid_career",
  "senior",
  "career_transition",
  "other",
] as const satisfies readonly CareerStage[];
const DIRECTORY_SORTS = ["name", "joined", "lastAttended", "events"] as const satisfies readonly DirectorySort[];
const PROGRAM_STATES = [
  "enrolled",
  "in_progress",
  "completed",
  "at_risk",
  "applied",
] as const satisfies readonly ProgramFilterState[];
// Compile-time: every value of each union is listed.
export const SEARCH_LISTS: [
  Exactly<typeof ENGAGEMENT_LEVELS, EngagementLevel>,
  Exactly<typeof CAREER_STAGES, CareerStage>,
  Exactly<typeof DIRECTORY_SORTS, DirectorySort>,
  Exactly<typeof PROGRAM_STATES, ProgramFilterState>,
] = [ENGAGEMENT_LEVELS, CAREER_STAGES, DIRECTORY_SORTS, PROGRAM_STATES];

export type DirectorySearch = {
  q?: string;
  level?: EngagementLevel | "unscored";
  role?: "admin" | "member";
  tag?: string;
  stage?: CareerStage;
  city?: string;
  skill?: string;
  joinedFrom?: string; // YYYY-MM-DD
  joinedTo?: string;
  minEvents?: number;
  seenAfter?: string;
  seenBefore?: string;
  sort?: DirectorySort;
  order?: "asc" | "desc";
  /** A program's id: its cohort, combined with every other filter. */
  program?: string;
  participation?: Exclude<ProgramFilterState, "enrolled">; // absent: the whole cohort
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown, max = 100) =>
  typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : undefined;
const date = (value: unknown) =>
  typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
const oneOf = <T extends string>(list: readonly T[], value: unknown) =>
  list.includes(value as T) ? (value as T) : undefined;

/** Which range filter a search holds (null: none); it decides the sort. */
export function rangeSortOf(search: DirectorySearch): DirectorySort | null {
  if (search.joinedFrom || search.joinedTo) return "joined";
  if (search.minEvents !== undefined) return "events";
  if (search.seenAfter || search.seenBefore) return "lastAttended";
  return null;
}

export function validateDirectorySearch(raw: Record<string, unknown>): DirectorySearch {
  const out: DirectorySearch = {};
  const q = text(raw.q);
  if (q) out.q = q;
  const level = oneOf([...ENGAGEMENT_LEVELS, "unscored"] as const, raw.level);
  if (level) out.level = level;
  const role = oneOf(["admin", "member"] as const, raw.role);
  if (role) out.role = role;
  // One facet: the first one present wins.
  const tag = text(raw.tag, 40);
  const stage = oneOf(CAREER_STAGES, raw.stage);
  const city = text(raw.city);
  const skill = text(raw.skill, 40);
  if (tag) out.tag = tag;
  else if (stage) out.stage = stage;
  else if (city) out.city = city;
  else if (skill) out.skill = skill;
  const program = text(raw.program, 64);
  if (program) {
    out.program = program;
    const participation = oneOf(PROGRAM_STATES, raw.participation);
    if (participation && participation !== "enrolled") out.participation = participation;
  }
  // One range filter, and none with a name search.
  if (!q) {
    const joinedFrom = date(raw.joinedFrom);
    const joinedTo = date(raw.joinedTo);
    const min = Number(raw.minEvents);
    const seenAfter = date(raw.seenAfter);
    const seenBefore = date(raw.seenBefore);
    if (joinedFrom || joinedTo) {
      if (joinedFrom) out.joinedFrom = joinedFrom;
      if (joinedTo && (!joinedFrom || joinedTo >= joinedFrom)) out.joinedTo = joinedTo;
    } else if (raw.minEvents !== undefined && raw.minEvents !== "" && Number.isInteger(min) && min >= 0) {
      out.minEvents = Math.min(min, 100_000);
    } else if (seenAfter || seenBefore) {
      if (seenAfter) out.seenAfter = seenAfter;
      if (seenBefore) out.seenBefore = seenBefore;
    }
    const sort = oneOf(DIRECTORY_SORTS, raw.sort);
    const forced = rangeSortOf(out);
    if (forced) out.sort = forced;
    else if (sort) out.sort = sort;
  }
  const order = oneOf(["asc", "desc"] as const, raw.order);
  if (order && !q) out.order = order;
  return out;
}

const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const endOfDay = (day: string) => Date.parse(`${day}T23:59:59.999Z`);

/** The server's filter arguments for a (validated) search. */
export function toDirectoryFilters(search: DirectorySearch): DirectoryFilters {
  const filters: DirectoryFilters = {};
  if (search.q) filters.search = search.q;
  if (search.level) filters.level = search.level;
  if (search.role) filters.role = search.role;
  if (search.tag) filters.facet = { kind: "tag", value: search.tag };
  else if (search.stage) filters.facet = { kind: "stage", value: search.stage };
  else if (search.city) filters.facet = { kind: "city", value: search.city };
  else if (search.skill) filters.facet = { kind: "skill", value: search.skill };
  if (search.joinedFrom) filters.joinedFrom = startOfDay(search.joinedFrom);
  if (search.joinedTo) filters.joinedTo = endOfDay(search.joinedTo);
  if (search.minEvents !== undefined) filters.minEvents = search.minEvents;
  if (search.seenAfter) filters.lastAttendedAfter = startOfDay(search.seenAfter);
  if (search.seenBefore) filters.lastAttendedBefore = startOfDay(search.seenBefore);
  if (search.sort) filters.sort = search.sort;
  if (search.order) filters.order = search.order;
  if (search.program) filters.program = search.program;
  if (search.program && search.participation) filters.participation = search.participation;
  return filters;
}

/** True when any filter (not the sort) is set. */
export function hasFilters(search: DirectorySearch): boolean {
  const { sort: _sort, order: _order, ...rest } = search;
  return Object.keys(rest).length > 0;
}
