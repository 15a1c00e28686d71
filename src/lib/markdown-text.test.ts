import { describe, expect, test } from "vitest";

import { markdownToPlainText, previewText } from "./markdown-text";

describe("previewText", () => {
  test("drops markdown punctuation and keeps the words", () => {
    const markdown = [
      "## Agenda",
      "",
      "Join us for **talks** and _discussion_ (see [the reading list](https://x.org/list)).",
      "",
      "- [ ] Bring a laptop",
      "* Snacks: ~~pizza~~ `sandwiches`",
      "1. Intro",
      "> Quoted *gently*",
      "",
      "---",
      "```ts",
      "const x = 1;",
      "```",
      "| Time | Talk |",
      "| ---- | ---- |",
      "| 18:30 | Welcome |",
      "<https://astn.org> and \\*literally\\*",
    ].join("\n");
    expect(previewText(markdown)).toBe(
      "Agenda Join us for talks and discussion (see the reading list). Bring a laptop Snacks: pizza sandwiches Intro " +
        "Quoted gently const x = 1; Time Talk 18:30 Welcome https://astn.org and *literally*",
    );
  });

  test("keeps punctuation that isn't markup", () => {
    expect(previewText("2 * 3 = 6, snake_case_name, C# and 5-10 people")).toBe(
      "2 * 3 = 6, snake_case_name, C# and 5-10 people",
    );
  });

  test("cuts long text with an ellipsis and gives nothing for empty text", () => {
    const long = previewText("word ".repeat(100), 50)!;
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith("…")).toBe(true);
    expect(previewText("")).toBeUndefined();
    expect(previewText("---")).toBeUndefined();
  });

  test("HTML stays as text", () => {
    expect(markdownToPlainText("Hello <img src=x onerror=alert(1)>")).toBe("Hello <img src=x onerror=alert(1)>");
  });
});
