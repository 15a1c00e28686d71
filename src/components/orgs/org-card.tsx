import { Link } from "@tanstack/react-router";
import { MapPin, Users } from "lucide-react";
import type { ReactNode } from "react";

import { OrgAvatar } from "~/components/common/org-avatar";
import { formatLocation } from "~/lib/countries";
import { plural } from "~/lib/format";
import type { OrgSummary } from "~/components/orgs/types";

/** One org in a list: the whole card is its link. */
export function OrgCard({ org, badge }: { org: OrgSummary; badge?: ReactNode }) {
  return (
    <article className="bg-card hover:border-primary/40 focus-within:ring-ring/50 relative flex h-full gap-4 rounded-xl border p-4 shadow-sm transition-colors focus-within:ring-[3px]">
      <OrgAvatar name={org.name} logoUrl={org.logoUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <h3 className="min-w-0 font-semibold leading-snug break-words">
            <Link
              to="/org/$slug"
              params={{ slug: org.slug }}
              className="outline-none after:absolute after:inset-0 after:content-['']"
            >
              {org.name}
            </Link>
          </h3>
          {badge}
        </div>
        {org.description ? <p className="text-muted-foreground mt-1 line-clamp-2 text-sm">{org.description}</p> : null}
        <p className="text-muted-foreground mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
          {org.location ? (
            <span className="inline-flex items-center gap-1">
              <MapPin className="size-3.5" aria-hidden="true" />
              {formatLocation(org.location)}
            </span>
          ) : null}
          <span className="inline-flex items-center gap-1">
            <Users className="size-3.5" aria-hidden="true" />
            {plural(org.memberCount, "member")}
          </span>
        </p>
      </div>
    </article>
  );
}
