import type { TagColor } from "@convex/lib/vocabulary";
import { cn } from "~/lib/utils";
import { TAG_CHIP } from "./tags-colors";

export type Tag = { _id: string; name: string; color: TagColor };

export function TagChip({ tag, className, children }: { tag: Tag; className?: string; children?: React.ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex max-w-40 items-center gap-1 truncate rounded-full border px-2 py-0.5 text-xs font-medium",
        TAG_CHIP[tag.color],
        className,
      )}
    >
      <span className="truncate">{tag.name}</span>
      {children}
    </span>
  );
}
