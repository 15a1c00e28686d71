import { Link } from "@tanstack/react-router";
import { CalendarDays, Mail, MapPin, Globe2, MessageCircle } from "lucide-react";

import { OrgUpcomingEvents } from "~/components/events/upcoming-events";
import { MuteOrgToggle } from "~/components/notifications/mute-org-toggle";
import { Card } from "~/components/ui/card";
import { formatLocation } from "~/lib/countries";
import { displayUrl } from "~/lib/format";
import { formatDay } from "~/lib/time";
import { useOrg } from "./data";
import { JoinCard, JoinCardSkeleton } from "./join-card";

/** An org's overview tab: about, how to join, upcoming events, details. */
export function OrgOverview({ slug }: { slug: string }) {
  const { org, isAuthenticated, authLoading } = useOrg(slug);
  if (!org) return null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <section aria-labelledby="about-title" className="min-w-0">
        <h2 id="about-title" className="text-lg font-semibold">
          About
        </h2>
        {org.description ? (
          <p className="mt-2 leading-relaxed whitespace-pre-line [overflow-wrap:anywhere]">{org.description}</p>
        ) : (
          <p className="text-muted-foreground mt-2">
            {org.viewerRole === "admin" ? (
              <>
                No description yet.{" "}
                <Link
                  to="/org/$slug/admin"
                  params={{ slug }}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  Add one in the admin settings
                </Link>
                .
              </>
            ) : (
              "This organization hasn't added a description yet."
            )}
          </p>
        )}

        {org.viewerRole === null && org.visibility === "public" ? (
          // Read signed out on the server: until the session is known, neither "Sign up to join"
          // nor "Join" would be true for a member. A frame of the card's size keeps the page still.
          authLoading ? (
            <JoinCardSkeleton />
          ) : (
            <JoinCard org={org} signedIn={isAuthenticated} />
          )
        ) : null}

        {org.viewerRole !== null || org.visibility === "public" ? (
          <OrgUpcomingEvents orgId={org._id} slug={slug} isAdmin={org.viewerRole === "admin"} />
        ) : null}
      </section>

      <aside aria-label="Details">
        <Card className="gap-0 py-2">
          <dl className="divide-y text-sm">
            {org.location ? (
              <Detail icon={MapPin} term="Location">
                {formatLocation(org.location)}
              </Detail>
            ) : null}
            {org.website ? (
              <Detail icon={Globe2} term="Website">
                <a
                  href={org.website}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="text-primary underline-offset-4 [overflow-wrap:anywhere] hover:underline"
                >
                  {displayUrl(org.website)}
                </a>
              </Detail>
            ) : null}
            {org.contactEmail ? (
              <Detail icon={Mail} term="Contact">
                <a
                  href={`mailto:${org.contactEmail}`}
                  className="text-primary underline-offset-4 [overflow-wrap:anywhere] hover:underline"
                >
                  {org.contactEmail}
                </a>
              </Detail>
            ) : null}
            {org.contactUrl ? (
              <Detail icon={MessageCircle} term="Contact the organizers">
                <a
                  href={org.contactUrl}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="text-primary underline-offset-4 [overflow-wrap:anywhere] hover:underline"
                >
                  {displayUrl(org.contactUrl)}
                </a>
              </Detail>
            ) : null}
            <Detail icon={CalendarDays} term="On ASTN since">
              {/* Server and browser may sit in different time zones. */}
              <span suppressHydrationWarning>{formatDay(org.createdAt)}</span>
            </Detail>
          </dl>
        </Card>
        {org.viewerRole !== null ? (
          <Card className="mt-4 gap-0 py-0">
            <MuteOrgToggle orgId={org._id} orgName={org.name} />
          </Card>
        ) : null}
      </aside>
    </div>
  );
}

function Detail({ icon: Icon, term, children }: { icon: typeof MapPin; term: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-3 px-5 py-3">
      <Icon className="text-muted-foreground mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="min-w-0">
        <dt className="text-muted-foreground text-xs">{term}</dt>
        <dd className="mt-0.5">{children}</dd>
      </div>
    </div>
  );
}
