import { lazy, Suspense } from "react";

// The markdown renderer loads on its own: the event page's first JavaScript stays small, and the
// server still renders the formatted description into the HTML.
const Markdown = lazy(() => import("./markdown"));

export function EventDescription({ markdown }: { markdown: string }) {
  return (
    <Suspense fallback={<div className="leading-relaxed whitespace-pre-line [overflow-wrap:anywhere]">{markdown}</div>}>
      <Markdown>{markdown}</Markdown>
    </Suspense>
  );
}
