// How a directory filter becomes one index range over memberDirectory, so a page reads the same
// number of documents at 100 members as at 10,000. The combinations:
//
//   INDEXED   any of: role (=), effective level (= a level, or "unscored"), ONE facet (= a tag, a
//             shared career stage, a shared city or a shared skill: the member's facet row),
//             plus at most one range filter, which must be on the sort field:
//               joined between        → sort by joined          (by_f[_role][_level]_joined)
//               attended at least N   → sort by events attended (…_events)
//               last attended before/after (both allowed)      → sort by last attended (…_last)
//             in either order. The index is by_f + "_role" if role + "_level" if level + the sort.
//   NARROWED  a range filter picks the sort (the sort is implied when omitted); a name search
//             returns best matches first (the search index's order) and combines with role,
//             level and the facet as search filter fields.
//   PROGRAM   a program (and optionally a participation state): the program's enrollments in
//             that state are one index range, bounded by the cohort (PROGRAM_LIMITS.maxParticipants);
//             each member's directory row under the facet is read by key, and role, level, the
//             range filter, a name search (a substring of the name here) and the sort apply to
//             those rows in memory (./directoryProgram.ts). Reads: at most 2 × the cohort.
//   REFUSED   range filters on two different fields (e.g. joined between + attended at least N),
//             a range filter with a sort on another field, a name search with a range filter, two
//             facets (the arguments allow only one). They answer INVALID_ARGUMENT; the app does not
//             offer them (choosing a range filter sets its sort and clears the other range filters).
import { v, type Infer } from "convex/values";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { invalidArgument } from "../lib/errors";
import {
  type DirectorySort,
  directoryFacetKindValidator,
  directorySortValidator,
  engagementLevelValidator,
  orgRoleValidator,
  type ProgramFilterState,
  programFilterStateValidator,
} from "../lib/vocabulary";
import { ALL_FACET, facetKey } from "./directorySync";

export const directoryFiltersValidator = v.object({
  search: v.optional(v.string()),
  level: v.optional(v.union(engagementLevelValidator, v.literal("unscored"))),
  role: v.optional(orgRoleValidator),
  facet: v.optional(v.object({ kind: directoryFacetKindValidator, value: v.string() })),
  joinedFrom: v.optional(v.number()),
  joinedTo: v.optional(v.number()),
  minEvents: v.optional(v.number()),
  lastAttendedAfter: v.optional(v.number()),
  lastAttendedBefore: v.optional(v.number()),
  sort: v.optional(directorySortValidator),
  order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
  /** A program of the org (its id; checked like a tag), and where its members stand in it. */
  program: v.optional(v.string()),
  participation: v.optional(programFilterStateValidator),
});
export type DirectoryFilters = Infer<typeof directoryFiltersValidator>;

export const SORT_FIELD = {
  name: "nameKey",
  joined: "joinedAt",
  lastAttended: "lastAttendedAt",
  events: "eventsAttended",
} as const satisfies Record<DirectorySort, string>;
const SORT_SUFFIX = { name: "name", joined: "joined", lastAttended: "last", events: "events" } as const;

export type Bound = { op: "gt" | "gte" | "lt" | "lte"; value: number };

export type DirectoryPlan =
  | {
      kind: "index";
      index: string;
      facet: string;
      role?: "admin" | "member";
      level?: string | undefined;
      hasLevel: boolean;
      sort: DirectorySort;
      order: "asc" | "desc";
      bounds: Bound[];
    }
  | { kind: "search"; text: string; facet: string; role?: "admin" | "member"; level?: string; hasLevel: boolean }
  | {
      kind: "program";
      programId: Id<"programs">;
      participation: ProgramFilterState;
      facet: string;
      role?: "admin" | "member";
      level?: string | undefined;
      hasLevel: boolean;
      text: string;
      sort: DirectorySort;
      order: "asc" | "desc";
      bounds: Bound[];
    };

function checkTime(field: string, value: number | undefined) {
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
    throw invalidArgument(field, "Choose a valid date.");
  }
}

/** Checks the filters and picks the index (or refuses the combination; see the top of this file). */
export async function planDirectory(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  filters: DirectoryFilters,
): Promise<DirectoryPlan> {
  for (const field of ["joinedFrom", "joinedTo", "lastAttendedAfter", "lastAttendedBefore"] as const) {
    checkTime(field, filters[field]);
  }
  if (filters.minEvents !== undefined && (!Number.isInteger(filters.minEvents) || filters.minEvents < 0)) {
    throw invalidArgument("minEvents", "Enter a whole number of events, 0 or more.");
  }
  if (filters.joinedFrom !== undefined && filters.joinedTo !== undefined && filters.joinedFrom > filters.joinedTo) {
    throw invalidArgument("joinedTo", "The end date must not be before the start date.");
  }
  const facet = await facetOf(ctx, orgId, filters.facet);
  const programId = await programOf(ctx, orgId, filters);
  const hasLevel = filters.level !== undefined;
  const level = filters.level === "unscored" ? undefined : filters.level;

  const ranges: { sort: DirectorySort; bounds: Bound[] }[] = [];
  if (filters.joinedFrom !== undefined || filters.joinedTo !== undefined) {
    const bounds: Bound[] = [];
    if (filters.joinedFrom !== undefined) bounds.push({ op: "gte", value: filters.joinedFrom });
    if (filters.joinedTo !== undefined) bounds.push({ op: "lte", value: filters.joinedTo });
    ranges.push({ sort: "joined", bounds });
  }
  if (filters.minEvents !== undefined)
    ranges.push({ sort: "events", bounds: [{ op: "gte", value: filters.minEvents }] });
  if (filters.lastAttendedAfter !== undefined || filters.lastAttendedBefore !== undefined) {
    const bounds: Bound[] = [];
    if (filters.lastAttendedAfter !== undefined) bounds.push({ op: "gt", value: filters.lastAttendedAfter });
    if (filters.lastAttendedBefore !== undefined) bounds.push({ op: "lt", value: filters.lastAttendedBefore });
    ranges.push({ sort: "lastAttended", bounds });
  }
  if (ranges.length > 1) {
    throw invalidArgument(
      "filters",
      "Filter by one of joined date, events attended or last attended at a time (each is its own index).",
    );
  }

  const text = filters.search?.trim() ?? "";
  if (text !== "") {
    if (text.length > 100) throw invalidArgument("search", "Search for at most 100 characters.");
    if (ranges.length > 0) {
      throw invalidArgument("search", "A name search cannot be combined with a date or events filter.");
    }
    if (programId === null) return { kind: "search", text, facet, role: filters.role, level, hasLevel };
  }

  const range = ranges[0];
  if (range !== undefined && filters.sort !== undefined && filters.sort !== range.sort) {
    throw invalidArgument("sort", "This filter sorts by its own field; choose that sort or remove the filter.");
  }
  const sort = text !== "" ? "name" : (range?.sort ?? filters.sort ?? "name");
  const order = text !== "" ? "asc" : (filters.order ?? (sort === "name" ? "asc" : "desc"));
  if (programId !== null) {
    const participation = filters.participation ?? "enrolled";
    const bounds = range?.bounds ?? [];
    return {
      kind: "program",
      programId,
      participation,
      facet,
      role: filters.role,
      level,
      hasLevel,
      text,
      sort,
      order,
      bounds,
    };
  }
  const index = `by_f${filters.role !== undefined ? "_role" : ""}${hasLevel ? "_level" : ""}_${SORT_SUFFIX[sort]}`;
  return {
    kind: "index",
    index,
    facet,
    role: filters.role,
    level,
    hasLevel,
    sort,
    order,
    bounds: range?.bounds ?? [],
  };
}

async function facetOf(ctx: QueryCtx, orgId: Id<"organizations">, facet: DirectoryFilters["facet"]) {
  if (facet === undefined) return ALL_FACET;
  const value = facet.value.trim();
  if (value === "" || value.length > 100) throw invalidArgument("facet", "Choose a value to filter on.");
  if (facet.kind !== "tag") return facetKey(facet.kind, value);
  const tagId = ctx.db.normalizeId("orgTags", value);
  const tag = tagId === null ? null : await ctx.db.get("orgTags", tagId);
  if (tag === null || tag.orgId !== orgId) throw invalidArgument("facet", "This tag does not exist.");
  return `tag:${tag._id}`;
}

async function programOf(ctx: QueryCtx, orgId: Id<"organizations">, filters: DirectoryFilters) {
  if (filters.program === undefined) {
    if (filters.participation !== undefined) throw invalidArgument("program", "Choose a program to filter on.");
    return null;
  }
  const programId = ctx.db.normalizeId("programs", filters.program.trim());
  const program = programId === null ? null : await ctx.db.get("programs", programId);
  if (program === null || program.orgId !== orgId) throw invalidArgument("program", "This program does not exist.");
  return program._id;
}

// The index builders are chained dynamically (the index name depends on the filters); this is
// the part of Convex's range builder they use.
type Range = {
  eq(field: string, value: unknown): Range;
  gt(field: string, value: unknown): Range;
  gte(field: string, value: unknown): Range;
  lt(field: string, value: unknown): Range;
  lte(field: string, value: unknown): Range;
};

/** The ordered query a plan stands for; the caller paginates it. */
export function directoryQuery(
  ctx: QueryCtx,
  orgId: Id<"organizations">,
  plan: Exclude<DirectoryPlan, { kind: "program" }>,
) {
  const table = ctx.db.query("memberDirectory");
  if (plan.kind === "search") {
    return table.withSearchIndex("search_name", (q) => {
      let s = q.search("name", plan.text).eq("orgId", orgId).eq("facet", plan.facet);
      if (plan.hasLevel) s = s.eq("level", plan.level as never);
      if (plan.role !== undefined) s = s.eq("role", plan.role);
      return s;
    });
  }
  const field = SORT_FIELD[plan.sort];
  return table
    .withIndex(plan.index as "by_f_name", (q) => {
      let r = (q as unknown as Range).eq("orgId", orgId).eq("facet", plan.facet);
      if (plan.role !== undefined) r = r.eq("role", plan.role);
      if (plan.hasLevel) r = r.eq("level", plan.level);
      // Lower bounds come before upper bounds, as the range builder requires.
      for (const bound of [...plan.bounds].sort((a, b) => rank(a.op) - rank(b.op))) {
        r = r[bound.op](field, bound.value);
      }
      return r as never;
    })
    .order(plan.order);
}

function rank(op: Bound["op"]) {
  return op === "gt" || op === "gte" ? 0 : 1;
}
