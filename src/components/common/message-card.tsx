import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { Card, CardContent } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/utils";

/** A centered card for a page with one message and one decision (the email links' pages). */
export function MessageCard({
  icon: Icon,
  tone = "muted",
  title,
  children,
  actions,
  footer,
}: {
  icon: LucideIcon;
  tone?: "muted" | "success" | "warning";
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-10 sm:py-16">
      <Card className="w-full max-w-md">
        <CardContent className="flex flex-col items-center gap-4 text-center">
          <span
            className={cn(
              "flex size-12 items-center justify-center rounded-full",
              tone === "success" && "bg-success/10 text-success",
              tone === "warning" && "bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-400",
              tone === "muted" && "bg-muted text-muted-foreground",
            )}
          >
            <Icon className="size-6" aria-hidden="true" />
          </span>
          <h1 className="text-xl font-semibold tracking-tight text-balance">{title}</h1>
          {children ? <div className="text-muted-foreground grid gap-2 text-sm text-pretty">{children}</div> : null}
          {actions ? <div className="flex w-full flex-col gap-2 sm:w-auto sm:flex-row">{actions}</div> : null}
          {footer ? <div className="text-muted-foreground border-t pt-4 text-sm">{footer}</div> : null}
        </CardContent>
      </Card>
    </div>
  );
}

/** The same card's shape while its question loads. */
export function MessageCardSkeleton() {
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-10 sm:py-16" role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <Card className="w-full max-w-md">
        <CardContent className="flex flex-col items-center gap-4">
          <Skeleton className="size-12 rounded-full" />
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-9 w-48" />
        </CardContent>
      </Card>
    </div>
  );
}
