// Text helpers with no date library: the event page and the app shell import this file, so
// date-fns stays in format-date.ts, loaded by the pages that show dates that way.
/** "3 members", "1 member". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** Up to two initials for an avatar tile. */
export function initials(name: string): string {
  // Words that start with a letter or digit: "Governance Fellows (private)" → "GF".
  const parts = name
    .replace(/\([^)]*\)/g, " ")
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/^[^\p{L}\p{N}]+/u, ""))
    .filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((part) => part.charAt(0).toUpperCase()).join("") || "?";
}

/** Shows a web address without the protocol: "https://x.org/" → "x.org". */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
