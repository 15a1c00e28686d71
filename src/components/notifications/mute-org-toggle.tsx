import { useQuery } from "@tanstack/react-query";
import { BellOff, BellRing } from "lucide-react";
import { useId } from "react";

import { expectedErrorMessage } from "~/lib/errors";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { myNotificationSettingsQuery, useMuteOrgMutation, useUnmuteOrgMutation } from "./data";

/**
 * For members on an org's page: a switch that mutes (or unmutes) every reminder and
 * announcement from this org. Reflects the saved setting live.
 */
export function MuteOrgToggle({ orgId, orgName }: { orgId: Id<"organizations">; orgName: string }) {
  const settings = useQuery(myNotificationSettingsQuery());
  const mute = useMuteOrgMutation();
  const unmute = useUnmuteOrgMutation();
  const busy = mute.isPending || unmute.isPending;
  const error = expectedErrorMessage(mute.error ?? unmute.error);
  const id = useId();

  const muted = settings.data?.mutedOrgIds.includes(orgId) ?? false;
  const Icon = muted ? BellOff : BellRing;

  function toggle(next: boolean) {
    (next ? unmute : mute).reset();
    (next ? mute : unmute).mutate({ orgId });
  }

  return (
    <div className="grid gap-2 px-5 py-4">
      <div className="flex items-start gap-3">
        <Icon className="text-muted-foreground mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="cursor-pointer text-sm font-medium">
            Mute notifications from this organization
          </label>
          <p id={`${id}-hint`} className="text-muted-foreground mt-0.5 text-xs">
            {muted
              ? `You won't get reminders or announcements from ${orgName}.`
              : "Stops reminders and announcements from it. Changes to events you're going to still reach you."}
          </p>
        </div>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={muted}
          aria-checked={muted}
          aria-describedby={`${id}-hint`}
          disabled={busy || settings.isPending}
          onChange={(e) => toggle(e.target.checked)}
          className={cn(
            "relative mt-0.5 h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full transition-colors outline-none",
            "bg-input checked:bg-primary focus-visible:ring-ring/50 focus-visible:ring-[3px] disabled:cursor-not-allowed disabled:opacity-60",
            "before:absolute before:top-0.5 before:left-0.5 before:size-4 before:rounded-full before:bg-white before:shadow-sm before:transition-transform checked:before:translate-x-4",
          )}
        />
      </div>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
