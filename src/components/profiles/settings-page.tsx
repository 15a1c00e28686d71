import { useQuery } from "@tanstack/react-query";

import { PageHeader } from "~/components/common/page-header";
import { PageSkeleton } from "~/components/layout/page-skeleton";
import { myNotificationSettingsQuery } from "~/components/notifications/data";
import { MutedOrgs } from "~/components/notifications/muted-orgs";
import {
  defaultNotificationPreferences,
  NotificationSettingsForm,
} from "~/components/notifications/notification-settings-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { browserTimeZone } from "~/lib/timezones";
import { myProfileQuery } from "./data";
import { DEFAULT_PRIVACY, PrivacyForm } from "./settings-forms";

/** /settings: privacy, notifications and muted organizations. */
export function SettingsPage() {
  const profile = useQuery(myProfileQuery());
  const notificationSettings = useQuery(myNotificationSettingsQuery());
  if (profile.isPending || notificationSettings.isPending) return <PageSkeleton label="Loading your settings…" />;
  const p = profile.data ?? null;
  const key = p?.userId ?? "new";
  const timezone = p?.timezone ?? browserTimeZone();

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
        <Card id="notifications" className="scroll-mt-20">
          <CardHeader>
            <CardTitle>
              <h2>Notifications</h2>
            </CardTitle>
            <CardDescription>Reminders, new events and updates by email and in your inbox.</CardDescription>
          </CardHeader>
          <CardContent>
            {notificationSettings.data ? (
              <NotificationSettingsForm
                key={key}
                preferences={p?.notificationPreferences ?? defaultNotificationPreferences(timezone)}
                settings={notificationSettings.data}
                timezone={timezone}
              />
            ) : (
              <p role="alert" className="text-destructive text-sm">
                Your notification settings could not be loaded. Please reload the page.
              </p>
            )}
          </CardContent>
        </Card>
        <Card id="muted-organizations" className="scroll-mt-20">
          <CardHeader>
            <CardTitle>
              <h2>Muted organizations</h2>
            </CardTitle>
            <CardDescription>
              No reminders or announcements from these. Changes to events you're going to still reach you.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MutedOrgs mutedOrgIds={notificationSettings.data?.mutedOrgIds ?? []} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
