import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { orgQuery } from "~/components/orgs/data";
import { errorCode } from "~/lib/errors";
import { useCreateEventMutation } from "./data";
import { EventForm } from "./event-form";
import { newEventValues, type EventFieldsArgs, type SubmitIntent } from "./event-form-values";
import { EventFormShell, EventFormSkeleton, NotAnAdmin } from "./event-form-shell";
import { EventLoadFailed } from "./event-states";
import { usePublishConfirm } from "./publish-dialog";
import { browserTimeZone } from "~/lib/timezones";
import type { Id } from "@convex/_generated/dataModel";

/** Creating an event for an org: its admins only; "Publish" creates it published in one step. */
export function NewEventPage({ slug }: { slug: string }) {
  const org = useQuery(orgQuery(slug));

  if (org.isPending) return <EventFormSkeleton />;
  if (!org.data) return errorCode(org.error) === "NOT_FOUND" ? <OrgMissing /> : <EventLoadFailed />;
  if (org.data.viewerRole !== "admin") return <NotAnAdmin orgName={org.data.name} slug={slug} />;
  return <NewEventForm org={org.data} slug={slug} />;
}

function NewEventForm({
  org,
  slug,
}: {
  org: { _id: Id<"organizations">; name: string; timezone?: string };
  slug: string;
}) {
  const navigate = useNavigate();
  const create = useCreateEventMutation();
  const confirm = usePublishConfirm(org);
  // New events start in the org's zone (set when it was created; the browser's for older orgs).
  const [initial] = useState(() => newEventValues(org.timezone ?? browserTimeZone()));

  async function onSubmit(args: EventFieldsArgs, intent: SubmitIntent) {
    if (intent === "publish" && !(await confirm.ask(args.title))) return;
    const { eventId } = await create.mutateAsync({ orgId: org._id, ...args, publish: intent === "publish" });
    if (intent === "publish") confirm.share(eventId, args.title);
    else await navigate({ to: "/events/$eventId", params: { eventId } });
  }

  return (
    <EventFormShell
      title="New event"
      description={
        <>
          For{" "}
          <Link
            to="/org/$slug"
            params={{ slug }}
            className="text-foreground font-medium underline-offset-4 hover:underline"
          >
            {org.name}
          </Link>
          . Save it as a draft to finish later: only admins see drafts.
        </>
      }
      back={
        <Link
          to="/org/$slug/events"
          params={{ slug }}
          className="text-muted-foreground hover:text-foreground inline-flex items-center gap-1 text-sm"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          {org.name} events
        </Link>
      }
    >
      <EventForm
        initial={initial}
        intents={["draft", "publish"]}
        onSubmit={onSubmit}
        onCancel={() => void navigate({ to: "/org/$slug/events", params: { slug } })}
      />
      {confirm.element}
    </EventFormShell>
  );
}

function OrgMissing() {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-16">
      <EmptyState title="Organization not found">
        There's no organization at this address, or you're not a member.
      </EmptyState>
    </div>
  );
}
