import { lazy, Suspense, useId, useState } from "react";

import { Skeleton } from "~/components/ui/skeleton";

// The markdown renderer loads on its own: the event page's first JavaScript stays small, and the
// server still renders the formatted description into the HTML.
const Markdown = lazy(() => import("./markdown"));

/**
 * An event's description, formatted. Until the renderer's code has loaded, the page keeps what the
 * server rendered: if the live event changes before then (the member's session arriving), React
 * would otherwise swap the server's HTML for the fallback, and the raw markdown would flash.
 */
export function EventDescription({ markdown }: { markdown: string }) {
  const id = useId();
  // Read once, while hydrating: the server's own rendering of this description (React escaped it).
  const [serverHtml] = useState(() =>
    typeof document === "undefined" ? null : (document.getElementById(id)?.innerHTML ?? null),
  );
  return (
    <div id={id}>
      <Suspense
        fallback={
          serverHtml ? (
            <div dangerouslySetInnerHTML={{ __html: serverHtml }} />
          ) : (
            // Opened within the app: a moment of placeholder lines, never the raw markdown.
            <div className="grid gap-2" aria-busy="true">
              <Skeleton className="h-4" />
              <Skeleton className="h-4 w-11/12" />
              <Skeleton className="h-4 w-2/3" />
            </div>
          )
        }
      >
        <Markdown>{markdown}</Markdown>
      </Suspense>
    </div>
  );
}
