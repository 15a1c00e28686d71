import { convexQuery } from "@convex-dev/react-query";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";

import { PageHeader } from "~/components/common/page-header";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import {
  DEFAULT_PRIVACY,
  defaultNotificationPreferences,
  NotificationsForm,
  PrivacyForm,
} from "~/components/profiles/settings-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { browserTimeZone } from "~/lib/timezones";
import { api } from "../../../convex/_generated/api";

export const Route = createFileRoute("/_authed/settings")({
  head: () => ({ meta: [{ title: "Settings · ASTN Orgs" }] }),
  component: SettingsPage,
});

function SettingsPage() {
  const profile = useQuery(convexQuery(api.profiles.queries.getMyProfile, {}));
  if (profile.isPending) return <PageSkeleton label="Loading your settings…" />;
  const p = profile.data ?? null;
  const key = p?.userId ?? "new";

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title="Settings" description="Decide what organizers see and what we email you." />
      <div className="mt-8 grid gap-6">
        <Card id="privacy">
          <CardHeader>
            <CardTitle>
              <h2>Privacy</h2>
            </CardTitle>
            <CardDescription>Choose which profile fields admins of your organizations may see.</CardDescription>
          </CardHeader>
          <CardContent>
            <PrivacyForm
              key={key}
              initial={p?.privacy ?? DEFAULT_PRIVACY}
              initialShareLocation={p?.shareLocationForSuggestions ?? false}
            />
          </CardContent>
        </Card>
        <Card id="notifications">
          <CardHeader>
            <CardTitle>
              <h2>Notifications</h2>
            </CardTitle>
            <CardDescription>Reminders and updates by email.</CardDescription>
          </CardHeader>
          <CardContent>
            <NotificationsForm
              key={key}
              initial={p?.notificationPreferences ?? defaultNotificationPreferences(browserTimeZone())}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
