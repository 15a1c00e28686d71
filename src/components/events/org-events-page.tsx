import { Link } from "@tanstack/react-router";
import { CalendarDays, History, Plus } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { useOrg } from "~/components/orgs/data";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { CalendarSubscribe } from "./calendar-subscribe";
import { useOrgEvents } from "./data";
import { EventCard, EventCardSkeletons } from "./event-card";

export type When = "upcoming" | "past";
const PAGE_SIZE = 10;

const tabClass =
  "rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-selected:bg-background aria-selected:shadow-xs aria-selected:text-foreground text-muted-foreground hover:text-foreground inline-flex items-center gap-1.5";

/** An org's events tab: upcoming or past, with the calendar feed and (for admins) "New event". */
export function OrgEventsPage({ slug, when }: { slug: string; when: When }) {
  const { org } = useOrg(slug);
  if (!org) return null;
  const isAdmin = org.viewerRole === "admin";

  return (
    <section aria-labelledby="events-title">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="events-title" className="text-lg font-semibold">
          Events
        </h2>
        <div className="flex flex-wrap gap-2">
          <CalendarSubscribe org={org} isMember={org.viewerRole !== null} />
          {isAdmin ? (
            <Button asChild>
              <Link to="/org/$slug/events/new" params={{ slug }}>
                <Plus aria-hidden="true" />
                New event
              </Link>
            </Button>
          ) : null}
        </div>
      </div>
      <div role="tablist" aria-label="Which events" className="bg-muted mt-4 inline-flex rounded-lg p-1">
        {(["upcoming", "past"] as const).map((tab) => (
          <Link
            key={tab}
            role="tab"
            id={`events-tab-${tab}`}
            aria-selected={when === tab}
            aria-controls="events-panel"
            to="/org/$slug/events"
            params={{ slug }}
            search={tab === "past" ? { when: "past" } : {}}
            replace
            className={cn(tabClass)}
          >
            {tab === "upcoming" ? (
              <CalendarDays className="size-4" aria-hidden="true" />
            ) : (
              <History className="size-4" aria-hidden="true" />
            )}
            {tab === "upcoming" ? "Upcoming" : "Past"}
          </Link>
        ))}
      </div>
      <div id="events-panel" role="tabpanel" aria-labelledby={`events-tab-${when}`} className="mt-4">
        <EventList key={when} orgId={org._id} slug={slug} when={when} isAdmin={isAdmin} />
      </div>
    </section>
  );
}

function EventList({
  orgId,
  slug,
  when,
  isAdmin,
}: {
  orgId: Id<"organizations">;
  slug: string;
  when: When;
  isAdmin: boolean;
}) {
  const { results, status, loadMore } = useOrgEvents(orgId, when, PAGE_SIZE);
  if (status === "LoadingFirstPage") return <EventCardSkeletons />;
  if (results.length === 0) {
    return when === "upcoming" ? (
      <EmptyState
        icon={CalendarDays}
        title="No upcoming events"
        action={
          isAdmin ? (
            <Button asChild>
              <Link to="/org/$slug/events/new" params={{ slug }}>
                <Plus aria-hidden="true" />
                Create the first one
              </Link>
            </Button>
          ) : (
            <Button variant="outline" asChild>
              <Link to="/org/$slug/events" params={{ slug }} search={{ when: "past" }}>
                See past events
              </Link>
            </Button>
          )
        }
      >
        {isAdmin
          ? "Plan a meetup, talk or reading group: members see it once you publish."
          : "Nothing planned yet. Check back soon, or subscribe to the calendar to hear first."}
      </EmptyState>
    ) : (
      <EmptyState icon={History} title="No past events">
        Events appear here once they've ended.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="grid gap-3">
        {results.map((event) => (
          <EventCard key={event._id} event={event} past={when === "past"} />
        ))}
      </div>
      <LoadMore
        status={status}
        onLoadMore={() => loadMore(PAGE_SIZE)}
        label={when === "past" ? "Load older events" : "Load more"}
      />
    </>
  );
}
