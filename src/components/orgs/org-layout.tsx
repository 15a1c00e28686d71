import { Link } from "@tanstack/react-router";
import { Globe2, Lock, MapPin, Users } from "lucide-react";
import type { ReactNode } from "react";

import { Badge } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { formatLocation } from "~/lib/countries";
import { displayUrl, plural } from "~/lib/format";
import { useOrg } from "./data";
import { OrgAvatar } from "~/components/common/org-avatar";
import { LoadFailed, OrgNotFound } from "./org-states";
import type { OrgPage } from "./types";

/**
 * An org's pages. Public orgs render on the server (the loader prefetches the org, so the page
 * and its title arrive in the HTML); private ones fill in on the client once the member's
 * session is known.
 */
/** An org's frame: its header and tabs around the section, or why it can't be shown. */
export function OrgLayout({ slug, children }: { slug: string; children: ReactNode }) {
  const { org, loading, notFound, failed, isAuthenticated } = useOrg(slug);

  if (notFound) return <OrgNotFound signedIn={isAuthenticated} />;
  if (failed) return <LoadFailed />;
  if (loading || !org) return <OrgHeaderSkeleton />;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <OrgHeader org={org} />
      <OrgTabs org={org} />
      <div className="mt-6">{children}</div>
    </div>
  );
}

function OrgHeader({ org }: { org: OrgPage }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <OrgAvatar name={org.name} logoUrl={org.logoUrl} className="size-16 text-lg" />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{org.name}</h1>
          {org.visibility === "private" ? (
            <Badge variant="muted">
              <Lock aria-hidden="true" />
              Private
            </Badge>
          ) : null}
          {org.viewerRole === "admin" ? (
            <Badge>You're an admin</Badge>
          ) : org.viewerRole === "member" ? (
            <Badge variant="secondary">You're a member</Badge>
          ) : null}
        </div>
        <ul className="text-muted-foreground mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          {org.location ? (
            <li className="inline-flex items-center gap-1.5">
              <MapPin className="size-4" aria-hidden="true" />
              {formatLocation(org.location)}
            </li>
          ) : null}
          <li className="inline-flex items-center gap-1.5">
            <Users className="size-4" aria-hidden="true" />
            <span data-testid="member-count">{plural(org.memberCount, "member")}</span>
          </li>
          {org.website ? (
            <li className="inline-flex min-w-0 items-center gap-1.5">
              <Globe2 className="size-4 shrink-0" aria-hidden="true" />
              <a
                href={org.website}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="text-primary truncate underline-offset-4 hover:underline"
              >
                {displayUrl(org.website)}
              </a>
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}

const tabClass =
  "text-muted-foreground hover:text-foreground -mb-px inline-flex items-center border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 rounded-t-md data-[status=active]:border-primary data-[status=active]:text-foreground";

function OrgTabs({ org }: { org: OrgPage }) {
  const member = org.viewerRole !== null;
  // Visitors to a public org see its events too.
  if (!member && org.visibility !== "public") return null;
  return (
    <nav aria-label={`${org.name} sections`} className="mt-6 overflow-x-auto border-b">
      <ul className="flex">
        <li>
          <Link to="/org/$slug" params={{ slug: org.slug }} activeOptions={{ exact: true }} className={tabClass}>
            Overview
          </Link>
        </li>
        <li>
          <Link to="/org/$slug/events" params={{ slug: org.slug }} className={tabClass}>
            Events
          </Link>
        </li>
        {member ? (
          <li>
            <Link to="/org/$slug/programs" params={{ slug: org.slug }} className={tabClass}>
              Programs
            </Link>
          </li>
        ) : null}
        {member ? (
          <li>
            <Link to="/org/$slug/members" params={{ slug: org.slug }} className={tabClass}>
              Members
            </Link>
          </li>
        ) : null}
        {org.viewerRole === "admin" ? (
          <>
            <li>
              <Link to="/org/$slug/engagement" params={{ slug: org.slug }} className={tabClass}>
                Engagement
              </Link>
            </li>
            <li>
              <Link to="/org/$slug/admin" params={{ slug: org.slug }} className={tabClass}>
                Admin
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

function OrgHeaderSkeleton() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-busy="true">
      <span className="sr-only">Loading organization…</span>
      <div className="flex flex-col gap-4 sm:flex-row">
        <Skeleton className="size-16 rounded-lg" />
        <div className="flex-1 space-y-3">
          <Skeleton className="h-8 w-2/3 max-w-sm" />
          <Skeleton className="h-4 w-1/2 max-w-xs" />
        </div>
      </div>
      <Skeleton className="mt-8 h-40" />
    </div>
  );
}
