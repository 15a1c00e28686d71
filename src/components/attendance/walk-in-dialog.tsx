import { Loader2, UserPlus } from "lucide-react";
import { useState } from "react";

import { LoadMore } from "~/components/common/load-more";
import { useMembers } from "~/components/orgs/data";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useAddWalkInMutation } from "./data";

const PAGE_SIZE = 50;

/** "Add walk-in": pick an org member who came without an RSVP; they're added and checked in. */
export function AddWalkInButton({
  eventId,
  orgId,
  disabled,
}: {
  eventId: Id<"events">;
  orgId: Id<"organizations">;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" disabled={disabled} onClick={() => setOpen(true)}>
        <UserPlus aria-hidden="true" />
        Add walk-in
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-h-[90dvh] grid-rows-[auto_auto_minmax(0,1fr)] sm:max-w-md">
          <DialogHeader>
            <DialogTitle>Add a walk-in</DialogTitle>
            <DialogDescription>Members of the organization who came without an RSVP.</DialogDescription>
          </DialogHeader>
          {open ? <MemberPicker eventId={eventId} orgId={orgId} onDone={() => setOpen(false)} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

function MemberPicker({
  eventId,
  orgId,
  onDone,
}: {
  eventId: Id<"events">;
  orgId: Id<"organizations">;
  onDone: () => void;
}) {
  const [filter, setFilter] = useState("");
  const members = useMembers(orgId, "", PAGE_SIZE);
  const add = useAddWalkInMutation();
  const error = expectedErrorMessage(add.error);
  const needle = filter.trim().toLowerCase();
  const shown = members.results.filter((m) => m.name.toLowerCase().includes(needle));

  return (
    <>
      <Input
        type="search"
        aria-label="Filter members"
        placeholder="Filter members by name"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="min-h-0 overflow-y-auto">
        {error ? (
          <p role="alert" className="text-destructive mb-2 text-sm">
            {error}
          </p>
        ) : null}
        {members.status === "LoadingFirstPage" ? (
          <Skeleton className="h-32" />
        ) : shown.length === 0 ? (
          <p className="text-muted-foreground py-6 text-center text-sm">
            {needle ? "No member by that name among those loaded." : "No members yet."}
          </p>
        ) : (
          <ul aria-label="Members" className="divide-y">
            {shown.map((m) => (
              <li key={m.userId} className="flex items-center gap-2 py-2">
                <span className="min-w-0 flex-1 truncate">{m.name}</span>
                <Button
                  size="sm"
                  disabled={add.isPending}
                  aria-label={`Add ${m.name} as a walk-in`}
                  onClick={() => add.mutate({ eventId, userId: m.userId }, { onSuccess: onDone })}
                >
                  {add.isPending && add.variables.userId === m.userId ? (
                    <Loader2 className="animate-spin" aria-hidden="true" />
                  ) : null}
                  Add
                </Button>
              </li>
            ))}
          </ul>
        )}
        <LoadMore status={members.status} onLoadMore={() => members.loadMore(PAGE_SIZE)} label="More members" />
      </div>
    </>
  );
}
