// The directory's URL search params as the route keeps them. This runs in the app's first load,
// so it does no more than type them; the page validates every value (directory-url.ts) and
// ignores what does not fit, so a hand-edited URL never reaches the server unchecked.
export type RawDirectorySearch = Partial<
  Record<
    | "q"
    | "level"
    | "role"
    | "tag"
    | "stage"
    | "city"
    | "skill"
    | "joinedFrom"
    | "joinedTo"
    | "minEvents"
    | "seenAfter"
    | "seenBefore"
    | "sort"
    | "order"
    | "program"
    | "participation",
    unknown
  >
>;

export const keepDirectorySearch = (raw: Record<string, unknown>): RawDirectorySearch => raw;
