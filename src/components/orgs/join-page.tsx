import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useConvexAuth } from "convex/react";
import { Ban, CheckCircle2, Clock, Link2Off, Loader2, Users } from "lucide-react";
import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";

import { Alert, AlertDescription } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardContent } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage, toFormError } from "~/lib/errors";
import { plural } from "~/lib/format";
import { invitePreviewQuery, useJoinByInviteMutation } from "./data";
import { OrgAvatar } from "~/components/common/org-avatar";

/** Where invite links land: what the invite is for, and "Join" (or why it no longer works). */
export function JoinPage({ token }: { token: string }) {
  const preview = useQuery(invitePreviewQuery(token));
  const auth = useConvexAuth();

  if (preview.isError) {
    return (
      <Shell icon={Link2Off} title="We couldn't check this invite link">
        {toFormError(preview.error).message}
      </Shell>
    );
  }
  if (!preview.data || auth.isLoading) return <JoinSkeleton />;

  const { status, org, viewerIsMember } = preview.data;
  if (status !== "not_found" && status !== "valid" && !viewerIsMember) {
    // A link that no longer works shows only its state, not the org.
    const copy = {
      expired: { icon: Clock, title: "This invite link has expired" },
      revoked: { icon: Ban, title: "This invite link was revoked" },
      used_up: { icon: Ban, title: "This invite link has been used up" },
    }[status];
    return (
      <Shell icon={copy.icon} title={copy.title}>
        It can no longer be used to join. Ask one of the organizers for a new link.
      </Shell>
    );
  }
  if (status === "not_found" || org === null) {
    return (
      <Shell icon={Link2Off} title="This invite link doesn't work">
        We couldn't find this invite. Check that you copied the whole link, or ask the organizer for a new one.
      </Shell>
    );
  }
  if (viewerIsMember) {
    return (
      <Shell
        icon={CheckCircle2}
        title="You're already a member"
        org={org}
        actions={
          <Button asChild>
            <Link to="/org/$slug" params={{ slug: org.slug }}>
              Go to {org.name}
            </Link>
          </Button>
        }
      >
        You're in {org.name} already, so there's nothing more to do.
      </Shell>
    );
  }
  return <ValidInvite token={token} org={org} signedIn={auth.isAuthenticated} />;
}

type InviteOrg = { name: string; slug: string; description?: string; logoUrl?: string; memberCount: number };

function ValidInvite({ token, org, signedIn }: { token: string; org: InviteOrg; signedIn: boolean }) {
  const join = useJoinByInviteMutation();
  const navigate = useNavigate();
  // Still busy once joined, while the org page opens.
  const busy = join.isPending || join.isSuccess;
  const error = expectedErrorMessage(join.error);
  const here = `/join/${token}`;

  return (
    <Shell
      title={`You're invited to join ${org.name}`}
      org={org}
      actions={
        signedIn ? (
          <Button
            size="lg"
            disabled={busy}
            onClick={async () => {
              // Awaited, not mutate's onSuccess: joining updates the live preview, which may
              // replace this component before the mutation's answer arrives.
              const result = await join.mutateAsync({ token }).catch(() => null);
              if (result) await navigate({ to: "/org/$slug", params: { slug: result.slug } });
            }}
          >
            {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            Join {org.name}
          </Button>
        ) : (
          <>
            <Button size="lg" asChild>
              <Link to="/sign-up" search={{ redirect: here }}>
                Sign up to join
              </Link>
            </Button>
            <Button size="lg" variant="outline" asChild>
              <Link to="/sign-in" search={{ redirect: here }}>
                Sign in to join
              </Link>
            </Button>
          </>
        )
      }
    >
      {error ? (
        <Alert variant="destructive" className="text-left">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : signedIn ? (
        "Join to see its members and events. You can leave at any time."
      ) : (
        "Create an account or sign in, and you'll come straight back here to join."
      )}
    </Shell>
  );
}

function Shell({
  icon: Icon,
  title,
  org,
  children,
  actions,
}: {
  icon?: LucideIcon;
  title: string;
  org?: InviteOrg;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:py-16">
      <Card className="w-full max-w-md text-center">
        <CardContent className="flex flex-col items-center">
          {Icon ? (
            <span className="bg-muted text-muted-foreground mb-4 flex size-12 items-center justify-center rounded-full">
              <Icon className="size-6" aria-hidden="true" />
            </span>
          ) : null}
          {org && !Icon ? <OrgAvatar name={org.name} logoUrl={org.logoUrl} className="mb-4 size-16 text-lg" /> : null}
          <h1 className="text-xl font-bold tracking-tight text-balance sm:text-2xl">{title}</h1>
          {org ? <OrgSummaryBlock org={org} compact={Boolean(Icon)} /> : null}
          <div className="text-muted-foreground mt-4 w-full text-sm text-pretty">{children}</div>
          {actions ? (
            <div className="mt-6 flex w-full flex-col gap-2 sm:w-auto sm:flex-row sm:justify-center">{actions}</div>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}

function OrgSummaryBlock({ org, compact }: { org: InviteOrg; compact: boolean }) {
  return (
    <div className="mt-3 grid justify-items-center gap-2">
      <p className="text-muted-foreground inline-flex items-center gap-1.5 text-sm">
        <Users className="size-4" aria-hidden="true" />
        {compact ? `${org.name} · ` : ""}
        {plural(org.memberCount, "member")}
      </p>
      {!compact && org.description ? <p className="line-clamp-4 text-sm">{org.description}</p> : null}
    </div>
  );
}

function JoinSkeleton() {
  return (
    <div
      className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:py-16"
      role="status"
      aria-busy="true"
    >
      <span className="sr-only">Checking your invite…</span>
      <div className="flex w-full max-w-md flex-col items-center gap-3 rounded-xl border p-8">
        <Skeleton className="size-16 rounded-lg" />
        <Skeleton className="h-7 w-3/4" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="mt-4 h-10 w-40" />
      </div>
    </div>
  );
}
