import { Check, X } from "lucide-react";

import { LoadMore } from "~/components/common/load-more";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { initials } from "~/lib/format";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { useApproveJoinRequestMutation, useDeclineJoinRequestMutation, useJoinRequests } from "./data";

const PAGE_SIZE = 20;

/** Admins: people asking to join, oldest first, each approved or declined with one click. */
export function JoinRequests({ orgId }: { orgId: Id<"organizations"> }) {
  const { results, status, loadMore } = useJoinRequests(orgId, PAGE_SIZE);
  const approve = useApproveJoinRequestMutation();
  const decline = useDeclineJoinRequestMutation();
  const error = expectedErrorMessage(approve.error) ?? expectedErrorMessage(decline.error);
  const busyId = approve.isPending
    ? approve.variables.requestId
    : decline.isPending
      ? decline.variables.requestId
      : null;

  if (status === "LoadingFirstPage") return <Skeleton className="h-16" />;
  if (results.length === 0) {
    return <p className="text-muted-foreground text-sm">No pending requests. New ones appear here as they arrive.</p>;
  }
  return (
    <div className="grid gap-3">
      <ul className="divide-y rounded-lg border" aria-label="Pending requests">
        {results.map((request) => (
          <li key={request._id} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center">
            <span
              className="bg-muted flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
              aria-hidden="true"
            >
              {initials(request.name)}
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-medium [overflow-wrap:anywhere]">{request.name}</p>
              {request.headline ? (
                <p className="text-muted-foreground text-sm [overflow-wrap:anywhere]">{request.headline}</p>
              ) : null}
              {request.message ? (
                <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">“{request.message}”</p>
              ) : null}
              <p className="text-muted-foreground text-xs" suppressHydrationWarning>
                Asked {formatDay(request.createdAt)}
              </p>
            </div>
            <div className="flex gap-2">
              <Button
                size="sm"
                disabled={busyId !== null}
                onClick={() => approve.mutate({ orgId, requestId: request._id })}
                aria-label={`Approve ${request.name}`}
              >
                <Check aria-hidden="true" />
                Approve
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={busyId !== null}
                onClick={() => decline.mutate({ orgId, requestId: request._id })}
                aria-label={`Decline ${request.name}`}
              >
                <X aria-hidden="true" />
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
      <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} />
    </div>
  );
}
