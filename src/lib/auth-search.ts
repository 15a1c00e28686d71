/** Search params of the sign-in and sign-up pages: where to go afterwards. */
export type AuthSearch = { redirect?: string };

export function validateAuthSearch(search: Record<string, unknown>): AuthSearch {
  return typeof search.redirect === "string" && search.redirect !== "" ? { redirect: search.redirect } : {};
}
