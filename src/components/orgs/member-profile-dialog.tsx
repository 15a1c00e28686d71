import { useQuery } from "@tanstack/react-query";
import { EyeOff } from "lucide-react";
import type { ReactNode } from "react";

import type { MemberRow } from "~/components/orgs/types";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { Progress } from "~/components/ui/progress";
import { Skeleton } from "~/components/ui/skeleton";
import { formatLocation } from "~/lib/countries";
import { toFormError } from "~/lib/errors";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { memberProfileQuery } from "~/components/profiles/data";
import { CAREER_STAGE_LABELS } from "@convex/lib/vocabulary";

/** A member's profile as this org's admins see it: fields the member keeps private say so. */
export function MemberProfileDialog({
  orgId,
  member,
  onOpenChange,
}: {
  orgId: Id<"organizations">;
  member: MemberRow | null;
  onOpenChange: (open: boolean) => void;
}) {
  const profile = useQuery(memberProfileQuery(orgId, member?.userId ?? null));
  const data = profile.data;

  return (
    <Dialog open={member !== null} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{member?.name ?? "Member"}</DialogTitle>
          <DialogDescription>Member profile · what they share with admins</DialogDescription>
        </DialogHeader>
        {profile.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{toFormError(profile.error).message}</AlertDescription>
          </Alert>
        ) : !data ? (
          <div role="status" className="space-y-3">
            <span className="sr-only">Loading profile…</span>
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/3" />
          </div>
        ) : (
          <div className="grid gap-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge variant={data.role === "admin" ? "default" : "muted"}>
                {data.role === "admin" ? "Admin" : "Member"}
              </Badge>
              <span className="text-muted-foreground">Joined {formatDay(data.joinedAt)}</span>
            </div>
            <div>
              <div className="mb-1 flex justify-between text-xs">
                <span id="member-completeness">Profile completeness</span>
                <span>{data.completeness}%</span>
              </div>
              <Progress value={data.completeness} aria-labelledby="member-completeness" />
            </div>
            <dl className="divide-y rounded-lg border text-sm">
              <Row term="Headline" shared={data.shared.headline}>
                {data.headline}
              </Row>
              <Row term="Location" shared={data.shared.location}>
                {data.location ? formatLocation(data.location) : undefined}
              </Row>
              <Row term="Skills" shared={data.shared.skills}>
                {data.skills && data.skills.length > 0 ? (
                  <span className="flex flex-wrap gap-1">
                    {data.skills.map((s) => (
                      <Badge key={s} variant="secondary">
                        {s}
                      </Badge>
                    ))}
                  </span>
                ) : undefined}
              </Row>
              <Row term="Career stage" shared={data.shared.careerStage}>
                {data.careerStage ? CAREER_STAGE_LABELS[data.careerStage] : undefined}
              </Row>
              <Row term="Email" shared={data.shared.email}>
                {data.email ? (
                  <a
                    href={`mailto:${data.email}`}
                    className="text-primary break-all underline-offset-4 hover:underline"
                  >
                    {data.email}
                  </a>
                ) : undefined}
              </Row>
            </dl>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Row({ term, shared, children }: { term: string; shared: boolean; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-3 px-3 py-2.5">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">
        {!shared ? (
          <span className="text-muted-foreground inline-flex items-center gap-1.5 italic">
            <EyeOff className="size-3.5" aria-hidden="true" />
            Hidden by member
          </span>
        ) : children === undefined || children === null ? (
          <span className="text-muted-foreground">Not added</span>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}
