import type { ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/** Links only to http(s) and mailto; anything else (javascript:, data:, relative) is dropped. */
export function safeHref(url: string): string | undefined {
  const cleaned = defaultUrlTransform(url.trim());
  return /^(https?:\/\/|mailto:)/i.test(cleaned) ? cleaned : undefined;
}

function SafeLink({ href, children }: ComponentProps<"a">) {
  const safe = href ? safeHref(href) : undefined;
  if (!safe) return <span>{children}</span>;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer nofollow ugc"
      className="text-primary underline underline-offset-4"
    >
      {children}
    </a>
  );
}

/**
 * Markdown from event descriptions. react-markdown builds React elements (never innerHTML) and
 * ignores raw HTML unless a plugin enables it (none does here); images are not shown (they'd
 * load third-party content on every view) and links open only http(s) and mailto addresses.
 */
export default function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-event">
      <ReactMarkdown
        skipHtml
        disallowedElements={["img"]}
        unwrapDisallowed
        urlTransform={(url) => safeHref(url) ?? ""}
        components={{ a: SafeLink }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
