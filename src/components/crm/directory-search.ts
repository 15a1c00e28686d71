// The directory's URL search params as the route keeps them: only the known keys, as strings or
// numbers. This runs in the app's first load, so it stays tiny; the page validates the values
// (directory-url.ts) and ignores what does not fit.
export const DIRECTORY_SEARCH_KEYS = [
  "q",
  "level",
  "role",
  "tag",
  "stage",
  "city",
  "skill",
  "joinedFrom",
  "joinedTo",
  "minEvents",
  "seenAfter",
  "seenBefore",
  "sort",
  "order",
] as const;

export type RawDirectorySearch = Partial<Record<(typeof DIRECTORY_SEARCH_KEYS)[number], string | number>>;

export function keepDirectorySearch(raw: Record<string, unknown>): RawDirectorySearch {
  const out: RawDirectorySearch = {};
  for (const key of DIRECTORY_SEARCH_KEYS) {
    const value = raw[key];
    if ((typeof value === "string" && value.length <= 200) || typeof value === "number") out[key] = value;
  }
  return out;
}
