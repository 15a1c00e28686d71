import { format, formatDistanceToNowStrict } from "date-fns";

/** "3 members", "1 member". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** "Mar 3, 2026". */
export function formatDate(ms: number): string {
  return format(ms, "MMM d, yyyy");
}

/** "in 6 days", "3 hours ago". */
export function formatRelative(ms: number): string {
  return formatDistanceToNowStrict(ms, { addSuffix: true });
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
