// Markdown to plain text without a markdown library (the event page's head and its first paint
// use it): link previews and the description's placeholder read as prose, with no stray marks.

/** Plain text of a markdown description: marks, link targets, code fences and rules dropped. */
export function markdownToPlainText(markdown: string): string {
  // Backslash escapes (\* → *) are set aside first so no rule below reads them as marks.
  const escaped: string[] = [];
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_, char: string) => `\u{F0000}${escaped.push(char) - 1}\u{F0001}`)
      // Fenced code: keep the code, drop the fences (``` or ~~~, with an info string).
      .replace(/^\s*(`{3,}|~{3,})[^\n]*$/gm, "")
      // Horizontal rules and setext underlines.
      .replace(/^\s{0,3}([-*_=])(\s*\1){2,}\s*$/gm, "")
      // Images and links: their text. Reference definitions vanish.
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, "")
      // Autolinks: <https://x.org> → https://x.org.
      .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, "$1")
      // Line starts: headings, quotes, list bullets, numbers, task boxes, table pipes.
      .replace(/^\s*(?:>\s*)+/gm, "")
      .replace(/^\s{0,3}#{1,6}\s+/gm, "")
      .replace(/\s+#+\s*$/gm, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, "")
      .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/gm, "")
      .replace(/\s*\|\s*/g, " ")
      // Emphasis, strikethrough and code spans (marks only; a lone * or _ inside a word stays).
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?![\w*])/g, "$1$3")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/`+([^`]*)`+/g, "$1")
      .replace(/\u{F0000}(\d+)\u{F0001}/gu, (_, index: string) => escaped[Number(index)]!)
  );
}

/** One line for link previews: folded whitespace, at most `max` characters. */
export function previewText(markdown: string | undefined, max = 200): string | undefined {
  if (!markdown) return undefined;
  const text = markdownToPlainText(markdown).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text || undefined;
}
