import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CheckCircle2, Circle } from "lucide-react";

import { AttendanceHistory } from "~/components/attendance/attendance-history";
import { PageHeader } from "~/components/common/page-header";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { viewerQuery } from "~/components/auth/data";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { browserTimeZone } from "~/lib/timezones";
import { myProfileQuery } from "./data";
import { ProfileForm, type ProfileFormValues } from "./profile-form";

/** The member's own profile: the form and how complete it is. */
export function ProfilePage() {
  const profile = useQuery(myProfileQuery());
  const viewer = useQuery(viewerQuery());
  if (profile.isPending || viewer.isPending) return <PageSkeleton label="Loading your profile…" />;

  const p = profile.data ?? null;
  const initial: ProfileFormValues = {
    name: p?.name || viewer.data?.name || "",
    headline: p?.headline ?? "",
    city: p?.location?.city ?? "",
    country: p?.location?.country ?? "",
    skills: p?.skills ?? [],
    careerStage: p?.careerStage ?? "",
    timezone: p?.timezone ?? browserTimeZone(),
  };
  const completeness = p?.completeness ?? (initial.name ? 20 : 0);
  const checklist = [
    { label: "Name", done: initial.name !== "" },
    { label: "Headline", done: Boolean(p?.headline) },
    { label: "Location", done: Boolean(p?.location) },
    { label: "Skills", done: (p?.skills.length ?? 0) > 0 },
    { label: "Career stage", done: Boolean(p?.careerStage) },
  ];

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <PageHeader
        title="Your profile"
        description="Help organizers get to know you. You choose what admins can see in your settings."
      />
      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_17rem]">
        <Card className="order-2 lg:order-1">
          <CardContent>
            {/* Keyed by the account, not the profile: the first save creates the profile and must not remount the form (it would drop the "saved" note). */}
            <ProfileForm key={viewer.data?._id ?? "me"} initial={initial} />
          </CardContent>
        </Card>
        <Card className="order-1 h-fit lg:order-2">
          <CardHeader>
            <CardTitle id="completeness-title">Profile {completeness}% complete</CardTitle>
            <CardDescription>Each part adds 20%.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Progress value={completeness} aria-labelledby="completeness-title" />
            <ul className="grid gap-1.5 text-sm">
              {checklist.map((item) => (
                <li key={item.label} className="flex items-center gap-2">
                  {item.done ? (
                    <CheckCircle2 className="text-success size-4" aria-hidden="true" />
                  ) : (
                    <Circle className="text-muted-foreground size-4" aria-hidden="true" />
                  )}
                  <span className={item.done ? "" : "text-muted-foreground"}>{item.label}</span>
                  <span className="sr-only">{item.done ? "(done)" : "(missing)"}</span>
                </li>
              ))}
            </ul>
            <p className="text-muted-foreground text-xs">
              <Link to="/settings" className="text-primary underline-offset-4 hover:underline">
                Privacy settings
              </Link>{" "}
              decide which of these admins of your organizations can see.
            </p>
          </CardContent>
        </Card>
      </div>
      <div className="mt-6">
        <AttendanceHistory />
      </div>
    </div>
  );
}
