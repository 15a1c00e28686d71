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

type MdastNode = { type: string; value?: string; children?: MdastNode[] };

/**
 * Raw HTML in a description is shown as the text it is ("Hello <img …>" reads exactly so):
 * the parser's html nodes become text nodes, which React escapes. Nothing is dropped silently.
 */
export function remarkHtmlAsText() {
  const visit = (node: MdastNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(visit);
  };
  return (tree: MdastNode) => visit(tree);
}

/**
 * Markdown from event descriptions. react-markdown builds React elements (never innerHTML);
 * raw HTML shows as text; images are not shown (they'd load third-party content on every view)
 * and links open only http(s) and mailto addresses.
 */
export default function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-event">
      <ReactMarkdown
        remarkPlugins={[remarkHtmlAsText]}
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
