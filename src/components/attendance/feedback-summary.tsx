import { useQuery } from "@tanstack/react-query";
import { MessageSquare, Star } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Skeleton } from "~/components/ui/skeleton";
import type { Id } from "@convex/_generated/dataModel";
import { feedbackSummaryQuery, useFeedbackComments, type FeedbackSummary as Summary } from "./data";
import { StarsShown } from "./star-rating";
import { formatDay } from "~/lib/time";

const PAGE_SIZE = 20;

/** Organizers' view of the feedback: responses, rate, average, distribution and comments, live. */
export function FeedbackSummary({ eventId }: { eventId: Id<"events"> }) {
  const summary = useQuery(feedbackSummaryQuery(eventId));
  const s = summary.data;
  return (
    <section aria-labelledby="feedback-summary-title" className="rounded-xl border p-4 sm:p-5">
      <h2 id="feedback-summary-title" className="text-lg font-semibold">
        Feedback
      </h2>
      {!s ? (
        <div role="status" aria-busy="true" className="mt-3 grid gap-2">
          <span className="sr-only">Loading feedback…</span>
          <Skeleton className="h-16" />
          <Skeleton className="h-32" />
        </div>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center" data-testid="feedback-stats">
            <Stat label="Responses" value={s.responses.toLocaleString("en")} />
            <Stat
              label="Response rate"
              value={s.responseRate === null ? "—" : `${Math.round(s.responseRate * 100)}%`}
            />
            <Stat
              label="Average"
              value={s.average === null ? "—" : s.average.toFixed(1)}
              note={s.average === null ? "Not enough responses yet" : undefined}
            />
          </dl>
          {s.responses > 0 ? <Distribution summary={s} /> : null}
          <Comments eventId={eventId} empty={s.responses === 0} />
        </>
      )}
    </section>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="bg-muted/50 rounded-lg p-3">
      <dt className="text-muted-foreground text-xs font-medium">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{value}</dd>
      {note ? <dd className="text-muted-foreground text-xs">{note}</dd> : null}
    </div>
  );
}

/** The ratings as horizontal bars: a chart to look at and a table underneath for screen readers. */
function Distribution({ summary }: { summary: Summary }) {
  const max = Math.max(1, ...summary.distribution);
  const rows = summary.distribution.map((count, i) => ({ stars: i + 1, count })).reverse();
  return (
    <table className="mt-4 w-full text-sm" aria-label="Ratings">
      <thead className="sr-only">
        <tr>
          <th>Rating</th>
          <th>Responses</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.stars}>
            <th scope="row" className="w-14 py-1 pr-2 text-left font-medium whitespace-nowrap">
              {r.stars}{" "}
              <Star
                fill="currentColor"
                className="inline size-3.5 text-amber-400"
                aria-label={r.stars === 1 ? "star" : "stars"}
              />
            </th>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <div className="bg-muted h-3 flex-1 overflow-hidden rounded-full">
                  <div className="h-full rounded-full bg-amber-400" style={{ width: `${(r.count / max) * 100}%` }} />
                </div>
                <span className="w-8 text-right tabular-nums">{r.count}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Comments({ eventId, empty }: { eventId: Id<"events">; empty: boolean }) {
  const comments = useFeedbackComments(eventId, PAGE_SIZE);
  if (empty) {
    return (
      <EmptyState icon={MessageSquare} title="No feedback yet" className="mt-4">
        Members who attended can rate the event from its page and the after-event email.
      </EmptyState>
    );
  }
  const withText = comments.results.filter((c) => c.comment);
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold">Comments</h3>
      {comments.status === "LoadingFirstPage" ? (
        <Skeleton className="mt-2 h-16" />
      ) : withText.length === 0 ? (
        <p className="text-muted-foreground mt-2 text-sm">Ratings only, no comments yet.</p>
      ) : (
        <ul aria-label="Comments" className="mt-2 grid gap-3">
          {withText.map((c) => (
            <li key={`${c.userId ?? "anon"}-${c.submittedAt}`} className="rounded-lg border p-3">
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="font-medium">{c.anonymous || !c.name ? "Anonymous" : c.name}</span>
                <StarsShown rating={c.rating} />
              </div>
              <p className="mt-1 text-sm break-words whitespace-pre-line">{c.comment}</p>
              <p className="text-muted-foreground mt-1 text-xs">{formatDay(c.updatedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore status={comments.status} onLoadMore={() => comments.loadMore(PAGE_SIZE)} />
    </div>
  );
}
