import { Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";

import { useRemoveEventCoverMutation, useSetEventCoverMutation } from "~/components/images/data";
import { ImageUpload } from "~/components/images/image-upload";
import { useEvent, usePublishEventMutation, useUpdateEventMutation } from "./data";
import { EventForm } from "./event-form";
import { eventValues, type EventFieldsArgs, type SubmitIntent } from "./event-form-values";
import { EventFormShell, EventFormSkeleton, NotAnAdmin } from "./event-form-shell";
import { EventLoadFailed, EventNotFound } from "./event-states";
import { usePublishConfirm } from "./publish-dialog";
import type { EventPage } from "./types";

/** Editing an event (its admins only); a draft can be published from here too. */
export function EditEventPage({ eventId }: { eventId: string }) {
  const { event, loading, notFound, failed } = useEvent(eventId);
  if (notFound) return <EventNotFound signedIn />;
  if (failed) return <EventLoadFailed />;
  if (loading || !event) return <EventFormSkeleton />;
  if (event.viewerRole !== "admin") return <NotAnAdmin orgName={event.org.name} slug={event.org.slug} />;
  // Keyed by id: after "Duplicate" the form starts over with the copy's values.
  return <EditForm key={event._id} event={event} />;
}

function EditForm({ event }: { event: EventPage }) {
  const navigate = useNavigate();
  const update = useUpdateEventMutation();
  const publish = usePublishEventMutation();
  // The form keeps what the admin typed; live updates to the event don't overwrite it.
  const [initial] = useState(() => eventValues(event));
  const confirm = usePublishConfirm(event.org);
  const toPage = () => navigate({ to: "/events/$eventId", params: { eventId: event._id } });

  async function onSubmit(args: EventFieldsArgs, intent: SubmitIntent) {
    if (intent === "publish" && !(await confirm.ask(args.title))) return;
    await update.mutateAsync({ eventId: event._id, ...args });
    if (intent === "publish") {
      await publish.mutateAsync({ eventId: event._id });
      confirm.share(event._id, args.title);
      return;
    }
    await toPage();
  }

  if (event.status === "cancelled") {
    return (
      <EventFormShell title="This event was cancelled">
        <p className="text-muted-foreground">
          A cancelled event can't be edited. Duplicate it from the event page to run it again.
        </p>
      </EventFormShell>
    );
  }

  return (
    <EventFormShell
      title={event.status === "draft" ? "Edit draft" : "Edit event"}
      description={
        event.status === "published"
          ? "Changes go live when you save. If you change the time or place, people who RSVP'd are told."
          : "Only admins see drafts. Publish when it's ready."
      }
      back={
        <Link
          to="/events/$eventId"
          params={{ eventId: event._id }}
          className="text-muted-foreground hover:text-foreground inline-flex items-center gap-1 text-sm"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          Back to the event
        </Link>
      }
    >
      <section aria-labelledby="cover-title" className="mb-8 grid gap-3">
        <h2 id="cover-title" className="text-sm font-semibold">
          Cover image
        </h2>
        <CoverUpload event={event} />
      </section>
      <EventForm
        initial={initial}
        intents={event.status === "draft" ? ["draft", "publish"] : ["save"]}
        onSubmit={onSubmit}
        savedReminders={event.notifyBefore}
        onCancel={() => void toPage()}
      />
      {confirm.element}
    </EventFormShell>
  );
}

/** Saved on its own (at once), apart from the form. */
function CoverUpload({ event }: { event: EventPage }) {
  const upload = useSetEventCoverMutation(event._id);
  const remove = useRemoveEventCoverMutation(event._id);
  return <ImageUpload label="Cover image" imageUrl={event.coverUrl} upload={upload} remove={remove} />;
}
