import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, UserX } from "lucide-react";

import { EmptyState } from "~/components/common/empty-state";
import { AdminOnly } from "~/components/orgs/org-states";
import { useOrg } from "~/components/orgs/data";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { errorCode } from "~/lib/errors";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { ORG_ROLE_LABELS } from "@convex/lib/vocabulary";
import { memberRecordQuery } from "./data";
import { RecordAttendance } from "./record-attendance";
import { RecordSkeleton } from "./record-skeleton";
import { RecordEngagement } from "./record-engagement";
import { RecordProfile } from "./record-profile";
import { RecordPrograms } from "./record-programs";
import { RecordTimeline } from "./record-timeline";
import { MemberTagEditor } from "./member-tags";
import { NotesComposer } from "./notes-composer";

/** A member's record, for the org's admins: profile, attendance, engagement, programs, notes and timeline. */
export function MemberRecordPage({ slug, userId }: { slug: string; userId: string }) {
  const { org, authLoading, isAuthenticated } = useOrg(slug);
  if (!org || authLoading) return <RecordSkeleton />;
  if (org.viewerRole !== "admin") {
    return <AdminOnly orgName={org.name} slug={org.slug} signedIn={isAuthenticated} />;
  }
  return <MemberRecord orgId={org._id} slug={org.slug} userId={userId as Id<"users">} />;
}

function BackToMembers({ slug }: { slug: string }) {
  return (
    <Link
      to="/org/$slug/members"
      params={{ slug }}
      className={buttonVariants({ variant: "ghost", size: "sm", className: "-ml-2 w-fit" })}
    >
      <ArrowLeft aria-hidden="true" />
      Members
    </Link>
  );
}

function MemberRecord({ orgId, slug, userId }: { orgId: Id<"organizations">; slug: string; userId: Id<"users"> }) {
  const record = useQuery({ ...memberRecordQuery(orgId, userId), retry: false });
  // A malformed id in the address is refused as an invalid argument: not found, too.
  const notFound =
    record.data === null || (record.isError && ["NOT_FOUND", "INVALID_ARGUMENT"].includes(errorCode(record.error)!));
  if (notFound) {
    return (
      <div className="grid gap-4">
        <BackToMembers slug={slug} />
        <EmptyState icon={UserX} title="Member not found">
          This person is not a member of this organization (they may have left). Find members on the Members tab.
        </EmptyState>
      </div>
    );
  }
  if (record.isError) throw record.error;
  const data = record.data;
  if (data === undefined || data === null) return <RecordSkeleton />;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <BackToMembers slug={slug} />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 className="text-2xl font-semibold tracking-tight">{data.name}</h2>
          <Badge variant={data.role === "admin" ? "default" : "muted"}>{ORG_ROLE_LABELS[data.role]}</Badge>
        </div>
        <p className="text-muted-foreground text-sm">Member since {formatDay(data.joinedAt)}</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="grid min-w-0 gap-6">
          <RecordProfile record={data} />
          <RecordAttendance attendance={data.attendance} />
          <RecordEngagement orgId={orgId} userId={userId} />
          <RecordPrograms orgId={orgId} slug={slug} userId={userId} />
          <Card>
            <CardHeader>
              <CardTitle>
                <h3>Tags</h3>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <MemberTagEditor orgId={orgId} userId={userId} />
            </CardContent>
          </Card>
        </div>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>
              <h3>Notes and timeline</h3>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6">
            <NotesComposer orgId={orgId} userId={userId} />
            <RecordTimeline orgId={orgId} userId={userId} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
