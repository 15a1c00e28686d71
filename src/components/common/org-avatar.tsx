import { useState } from "react";

import { initials } from "~/lib/format";
import { cn } from "~/lib/utils";

/** The org's logo, or its initials on a tinted tile when there is none (or it fails to load). */
export function OrgAvatar({ name, logoUrl, className }: { name: string; logoUrl?: string; className?: string }) {
  const [failed, setFailed] = useState(false);
  const base = cn("size-12 shrink-0 rounded-lg", className);
  if (logoUrl && !failed) {
    return (
      <img
        src={logoUrl}
        alt=""
        className={cn(base, "bg-muted border object-cover")}
        onError={() => setFailed(true)}
        loading="lazy"
        referrerPolicy="no-referrer"
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cn(base, "bg-primary/10 text-primary flex items-center justify-center text-sm font-semibold")}
    >
      {initials(name)}
    </span>
  );
}
