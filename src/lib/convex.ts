/** The Convex deployment the app talks to (the local backend in development). */
export const CONVEX_URL: string = import.meta.env.VITE_CONVEX_URL || "http://127.0.0.1:3210";

/**
 * Where the deployment serves HTTP actions (calendar files). Set by `npm run dev` and the browser
 * tests; otherwise derived: "https://x.convex.cloud" → "https://x.convex.site", and the local
 * backend's next port ("http://127.0.0.1:3210" → ":3211").
 */
export const CONVEX_SITE_URL: string = (import.meta.env.VITE_CONVEX_SITE_URL || deriveSiteUrl(CONVEX_URL)).replace(
  /\/+$/,
  "",
);

function deriveSiteUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.hostname.endsWith(".convex.cloud")) {
      parsed.hostname = parsed.hostname.replace(/\.convex\.cloud$/, ".convex.site");
      return parsed.origin;
    }
    if (parsed.port) parsed.port = String(Number(parsed.port) + 1);
    return parsed.origin;
  } catch {
    return url;
  }
}

/** Whether the app talks to the local backend (127.0.0.1/localhost): dev-only pages link from the footer. */
export const IS_LOCAL_BACKEND: boolean = isLocalUrl(CONVEX_URL);

function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}
