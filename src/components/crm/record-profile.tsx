import { EyeOff } from "lucide-react";
import type { ReactNode } from "react";

import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { formatLocation } from "~/lib/countries";
import type { FunctionReturnType } from "convex/server";
import type { api } from "@convex/_generated/api";
import { CAREER_STAGE_LABELS } from "@convex/lib/vocabulary";

export type MemberRecord = NonNullable<FunctionReturnType<typeof api.crm.record.memberRecord>>;

/** The profile as the member shares it with admins; a field they keep private says so. */
export function RecordProfile({ record }: { record: MemberRecord }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3>Profile</h3>
        </CardTitle>
        <CardDescription>What {record.name} shares with the org's admins.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div>
          <div className="mb-1 flex justify-between text-xs">
            <span id="record-completeness">Profile completeness</span>
            <span>{record.completeness}%</span>
          </div>
          <Progress value={record.completeness} aria-labelledby="record-completeness" />
        </div>
        <dl className="divide-y rounded-lg border text-sm">
          <Row term="Headline" shared={record.shared.headline}>
            {record.headline}
          </Row>
          <Row term="Location" shared={record.shared.location}>
            {record.location ? formatLocation(record.location) : undefined}
          </Row>
          <Row term="Skills" shared={record.shared.skills}>
            {record.skills && record.skills.length > 0 ? (
              <span className="flex flex-wrap gap-1">
                {record.skills.map((s) => (
                  <Badge key={s} variant="secondary">
                    {s}
                  </Badge>
                ))}
              </span>
            ) : undefined}
          </Row>
          <Row term="Career stage" shared={record.shared.careerStage}>
            {record.careerStage ? CAREER_STAGE_LABELS[record.careerStage] : undefined}
          </Row>
          <Row term="Email" shared={record.shared.email}>
            {record.email ? (
              <a href={`mailto:${record.email}`} className="text-primary break-all underline-offset-4 hover:underline">
                {record.email}
              </a>
            ) : undefined}
          </Row>
        </dl>
      </CardContent>
    </Card>
  );
}

function Row({ term, shared, children }: { term: string; shared: boolean; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-3 px-3 py-2.5">
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
