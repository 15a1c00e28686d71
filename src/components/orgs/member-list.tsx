import { Link, useNavigate } from "@tanstack/react-router";
import { LogOut, Loader2, ShieldCheck, UsersRound } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import type { MemberRow, OrgPage } from "~/components/orgs/types";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { initials, plural } from "~/lib/format";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import {
  useDemoteMemberMutation,
  useLeaveOrgMutation,
  useMembers,
  usePromoteMemberMutation,
  useRemoveMemberMutation,
} from "./data";

const PAGE_SIZE = 25;
type RoleFilter = "" | "admin" | "member";

/** The live member list: new members appear without a reload; admins manage roles here. */
export function MemberList({ org, viewerId }: { org: OrgPage; viewerId: Id<"users"> | undefined }) {
  const [role, setRole] = useState<RoleFilter>("");
  const { results, status, loadMore } = useMembers(org._id, role, PAGE_SIZE);
  const isAdmin = org.viewerRole === "admin";
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [leaving, setLeaving] = useState(false);
  const removeMember = useRemoveMemberMutation();
  const leaveOrg = useLeaveOrgMutation();
  const navigate = useNavigate();

  return (
    <section aria-labelledby="members-title">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="members-title" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-muted-foreground text-sm">{plural(org.memberCount, "member")} · updates live</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="member-role-filter" className="text-xs">
              Show
            </Label>
            <NativeSelect
              id="member-role-filter"
              value={role}
              onChange={(e) => setRole(e.target.value as RoleFilter)}
              className="w-36"
            >
              <option value="">Everyone</option>
              <option value="admin">Admins</option>
              <option value="member">Members</option>
            </NativeSelect>
          </div>
          <Button variant="outline" onClick={() => setLeaving(true)}>
            <LogOut aria-hidden="true" />
            Leave organization
          </Button>
        </div>
      </div>

      <div className="mt-4">
        {status === "LoadingFirstPage" ? (
          <MemberListSkeleton />
        ) : results.length === 0 ? (
          <EmptyState icon={UsersRound} title={role === "admin" ? "No admins" : "No members yet"}>
            {role === "" ? "Share an invite link to bring people in." : "Nobody has this role."}
          </EmptyState>
        ) : (
          <ul aria-label="Member list" className="bg-card divide-y rounded-xl border shadow-sm">
            {results.map((member) => (
              <MemberListItem
                key={member.userId}
                orgId={org._id}
                member={member}
                isSelf={member.userId === viewerId}
                viewerIsAdmin={isAdmin}
                orgSlug={org.slug}
                onRemove={() => setRemoving(member)}
              />
            ))}
          </ul>
        )}
        <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Load more members" />
      </div>

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? "member"}?`}
        description={`They will lose access to ${org.name} and its member-only pages, and their RSVPs to upcoming events are released. They can rejoin with an invite link.`}
        confirmLabel="Remove member"
        onConfirm={async () => {
          if (removing) await removeMember.mutateAsync({ orgId: org._id, userId: removing.userId });
        }}
      />
      <ConfirmDialog
        open={leaving}
        onOpenChange={setLeaving}
        title={`Leave ${org.name}?`}
        description="Your RSVPs to its upcoming events are released, and you'll need a new invite link to join again."
        confirmLabel="Leave organization"
        onConfirm={async () => {
          await leaveOrg.mutateAsync({ orgId: org._id });
          await navigate({ to: "/home" });
        }}
      />
    </section>
  );
}

function MemberListItem({
  orgId,
  member,
  isSelf,
  viewerIsAdmin,
  orgSlug,
  onRemove,
}: {
  orgId: Id<"organizations">;
  member: MemberRow;
  isSelf: boolean;
  viewerIsAdmin: boolean;
  orgSlug: string;
  onRemove: () => void;
}) {
  const promote = usePromoteMemberMutation();
  const demote = useDemoteMemberMutation();
  const busy = promote.isPending || demote.isPending;
  const error = expectedErrorMessage(promote.error ?? demote.error);

  function run(action: typeof promote) {
    (action === promote ? demote : promote).reset();
    action.mutate({ orgId, userId: member.userId });
  }

  return (
    <li aria-label={member.name} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:flex-wrap sm:items-center">
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <span
          aria-hidden="true"
          className="bg-secondary text-secondary-foreground flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
        >
          {initials(member.name)}
        </span>
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {viewerIsAdmin ? (
              <Link
                to="/org/$slug/members/$userId"
                params={{ slug: orgSlug, userId: member.userId }}
                className="hover:text-primary truncate rounded-sm text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {member.name}
              </Link>
            ) : (
              <span className="truncate font-medium">{member.name}</span>
            )}
            {isSelf ? <span className="text-muted-foreground text-xs">(you)</span> : null}
            {member.role === "admin" ? (
              <Badge>
                <ShieldCheck aria-hidden="true" />
                Admin
              </Badge>
            ) : (
              <Badge variant="muted">Member</Badge>
            )}
          </div>
          <p className="text-muted-foreground truncate text-xs">
            {member.email ? `${member.email} · ` : ""}Joined {formatDay(member.joinedAt)}
          </p>
        </div>
      </div>
      {viewerIsAdmin ? (
        <div className="flex flex-wrap items-center gap-2 pl-12 sm:justify-end sm:pl-0">
          {busy ? <Loader2 className="text-muted-foreground size-4 animate-spin" aria-label="Saving" /> : null}
          {member.role === "member" ? (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => run(promote)}>
              Make admin
            </Button>
          ) : (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => run(demote)}>
              Remove admin
            </Button>
          )}
          {isSelf ? null : (
            <Button
              size="sm"
              variant="ghost"
              className="text-destructive hover:text-destructive"
              disabled={busy}
              onClick={onRemove}
            >
              Remove
            </Button>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive text-sm sm:basis-full">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function MemberListSkeleton() {
  return (
    <div role="status" className="divide-y rounded-xl border">
      <span className="sr-only">Loading members…</span>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-4 py-3">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-24" />
          </div>
        </div>
      ))}
    </div>
  );
}
