// A directory row's actions: open the record, change the role, remove from the org.
import { Link } from "@tanstack/react-router";
import { MoreHorizontal, ShieldCheck, ShieldOff, UserRound, UserX } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { useDemoteMemberMutation, usePromoteMemberMutation, useRemoveMemberMutation } from "~/components/orgs/data";
import { Button } from "~/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import type { DirectoryRow } from "./directory-types";

/** The member record's address (the record page is its own route). */
export function MemberRecordLink({
  slug,
  userId,
  children,
  className,
}: {
  slug: string;
  userId: Id<"users">;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Link
      to={"/org/$slug/members/$userId" as "/org/$slug/members"}
      params={{ slug, userId } as { slug: string }}
      className={className}
    >
      {children}
    </Link>
  );
}

export function DirectoryRowMenu({
  org,
  row,
  isSelf,
}: {
  org: { _id: Id<"organizations">; slug: string; name: string };
  row: DirectoryRow;
  isSelf: boolean;
}) {
  const promote = usePromoteMemberMutation();
  const demote = useDemoteMemberMutation();
  const remove = useRemoveMemberMutation();
  const [removing, setRemoving] = useState(false);
  const error = expectedErrorMessage(promote.error ?? demote.error);
  const args = { orgId: org._id, userId: row.userId };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${row.name}`}>
            <MoreHorizontal aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem asChild>
            <MemberRecordLink slug={org.slug} userId={row.userId}>
              <UserRound aria-hidden="true" />
              Open record
            </MemberRecordLink>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          {row.role === "member" ? (
            <DropdownMenuItem onSelect={() => (demote.reset(), promote.mutate(args))}>
              <ShieldCheck aria-hidden="true" />
              Make admin
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => (promote.reset(), demote.mutate(args))}>
              <ShieldOff aria-hidden="true" />
              Remove admin
            </DropdownMenuItem>
          )}
          {isSelf ? null : (
            <DropdownMenuItem variant="destructive" onSelect={() => setRemoving(true)}>
              <UserX aria-hidden="true" />
              Remove from {org.name}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? (
        <span role="alert" className="text-destructive block text-xs">
          {error}
        </span>
      ) : null}
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title={`Remove ${row.name}?`}
        description={`They will lose access to ${org.name} and its member-only pages, and their RSVPs to upcoming events are released. They can rejoin with an invite link.`}
        confirmLabel="Remove member"
        onConfirm={async () => {
          await remove.mutateAsync(args);
        }}
      />
    </>
  );
}
