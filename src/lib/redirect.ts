/**
 * Where to go after signing in. Only same-site paths are allowed ("/orgs?x=1"), never an
 * absolute URL or a protocol-relative one ("//evil.example"), so a crafted link can't send a
 * user off-site.
 */
export function safeRedirect(target: unknown, fallback = "/home"): string {
  if (typeof target !== "string") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  // Control characters (tabs, newlines) are stripped by URL parsers and can smuggle a "//".
  if ([...target].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return fallback;
  }
  try {
    const url = new URL(target, "http://same-site.invalid");
    if (url.origin !== "http://same-site.invalid") return fallback;
    // Never bounce back to an auth page.
    if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
